using System.Globalization;
using System.Text;
using Cstar.Core.Topology;
using Cstar.Simulator.Views;

namespace Cstar.Simulator.Formats;

/// <summary>
/// `nodetool ring` (same layout from 2.1 to 5.0): per DC a 10-character underline, a first row holding only
/// the DC's last token, one row per token ("%-{addr}s  %-12s%-7s%-8s%-16s%-20s%-44s"), the vnode warning,
/// then "\n  " and the note.
/// </summary>
internal static class RingRenderer
{
    public static string Render(ClusterView view, OwnershipResult ownership, bool resolveIp)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(ownership);
        var ring = view.Model.ListingRing;
        var addressWidth = ring.Owners.Distinct().Max(o => view.Peers[o].IpOrDns(resolveIp).Length);
        var output = new StringBuilder("\n");
        var haveVnodes = view.Peers.Any(p => p.Tokens.Length > 1);
        foreach (var dc in view.Model.Topology.DatacenterNames)
        {
            var rows = Enumerable.Range(0, ring.Count).Where(i => view.Peers[ring.Owners[i]].Datacenter == dc).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            output.Append("Datacenter: ").Append(dc).Append("\n==========\n");
            output.Append(Row(addressWidth, "Address", "Rack", "Status", "State", "Load", "Owns", "Token"));
            output.Append(rows.Count > 1
                ? Row(addressWidth, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, Token(ring.SortedTokens[rows[^1]]))
                : "\n");
            foreach (var i in rows)
            {
                var peer = view.Peers[ring.Owners[i]];
                var owns = StatusCells.Owns(ownership, peer, 2);
                output.Append(Row(addressWidth, peer.IpOrDns(resolveIp), peer.Rack, peer.Up ? "Up" : "Down", StateName(peer.State), StatusCells.Load(view, peer), owns, Token(ring.SortedTokens[i])));
            }

            output.Append('\n');
        }

        if (haveVnodes)
        {
            output.Append("  Warning: \"nodetool ring\" is used to output all the tokens of a node.\n");
            output.Append("  To view status related info of a node use \"nodetool status\" instead.\n\n");
        }

        return output.Append("\n  ").Append(StatusCells.Errors(ownership)).ToString();
    }

    private static string StateName(NodeState state) => state switch
    {
        NodeState.Joining => "Joining",
        NodeState.Leaving => "Leaving",
        NodeState.Moving => "Moving",
        _ => "Normal",
    };

    private static string Token(long token) => token.ToString(CultureInfo.InvariantCulture);

    private static string Row(int addressWidth, string address, string rack, string status, string state, string load, string owns, string token) =>
        address.PadRight(addressWidth) + "  " + rack.PadRight(12) + status.PadRight(7) + state.PadRight(8)
        + load.PadRight(16) + owns.PadRight(20) + token.PadRight(44) + "\n";
}
