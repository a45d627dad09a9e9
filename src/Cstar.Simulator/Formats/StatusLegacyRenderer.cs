using System.Globalization;
using System.Text;
using Cstar.Simulator.Java;
using Cstar.Simulator.Views;

namespace Cstar.Simulator.Formats;

/// <summary>
/// `nodetool status` of 2.1 and 2.2 to 3.11: printf columns, the address column as wide as the longest
/// address, Tokens %-6s (2.1) or %-11s (2.2+), no blank line between DCs, and a final empty line.
/// </summary>
internal static class StatusLegacyRenderer
{
    public static string Render(ClusterView view, OwnershipResult ownership, bool resolveIp)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(ownership);
        var dcs = view.NodesByDatacenter();
        var tokenPerNode = dcs.Count >= view.Model.ListingRing.Count;
        var addressWidth = dcs.SelectMany(d => d.Nodes).Max(p => p.IpOrDns(resolveIp).Length);
        var tokensWidth = view.Version.Family == NodetoolFamily.V21 ? 6 : 11;
        var ownsHeader = ownership.Effective ? "Owns (effective)" : "Owns";
        var ownsWidth = ownership.Effective ? 16 : 6;
        var output = new StringBuilder();
        foreach (var (dc, nodes) in dcs)
        {
            output.Append(StatusCells.DatacenterHeader(dc)).Append(StatusCells.Legend);
            output.Append(Row(tokenPerNode, addressWidth, tokensWidth, ownsWidth, "-", "-", "Address", "Load", "Tokens", ownsHeader, "Host ID", "Token", "Rack"));
            foreach (var peer in nodes)
            {
                output.Append(Row(
                    tokenPerNode,
                    addressWidth,
                    tokensWidth,
                    ownsWidth,
                    StatusCells.StatusLetter(peer),
                    StatusCells.StateLetter(peer),
                    peer.IpOrDns(resolveIp),
                    StatusCells.Load(view, peer),
                    peer.Tokens.Length.ToString(CultureInfo.InvariantCulture),
                    StatusCells.Owns(ownership, peer, 1),
                    peer.HostId.ToString(),
                    peer.Tokens[0].ToString(CultureInfo.InvariantCulture),
                    peer.Rack));
            }
        }

        return output.Append('\n').Append(StatusCells.Errors(ownership)).ToString();
    }

    private static string Row(bool tokenPerNode, int addressWidth, int tokensWidth, int ownsWidth, string status, string state, string address, string load, string tokens, string owns, string hostId, string token, string rack)
    {
        var row = new StringBuilder();
        row.Append(status).Append(state).Append("  ");
        row.Append(address.PadRight(addressWidth)).Append("  ");
        row.Append(load.PadRight(9)).Append("  ");
        if (!tokenPerNode)
        {
            row.Append(tokens.PadRight(tokensWidth)).Append("  ");
        }

        row.Append(owns.PadRight(ownsWidth)).Append("  ");
        row.Append(hostId.PadRight(36)).Append("  ");
        if (tokenPerNode)
        {
            row.Append(token.PadRight(39)).Append("  ");
        }

        return row.Append(rack).Append('\n').ToString();
    }
}
