using System.Globalization;
using System.Text;
using Cstar.Simulator.Java;
using Cstar.Simulator.Views;

namespace Cstar.Simulator.Formats;

/// <summary>
/// `nodetool status` of 4.0, 4.1 and 5.0: one TableBuilder shared by all DCs (every column, the last
/// included, padded to its widest cell, two spaces between columns), a blank line between DC blocks and a
/// final empty line. Rows are keyed by the printed address string; 4.0 pre-releases then look the
/// ownership up without the port (so Owns is always "?") and, with -r, find nothing for renamed rows.
/// </summary>
internal static class Status40Renderer
{
    public static string Render(ClusterView view, OwnershipResult ownership, bool resolveIp)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(ownership);
        // 4.x iterates an ArrayListMultimap keyed by the printed address; 5.0 a plain HashMap with the same keys.
        var dcs = view.NodesByDatacenter(p => JavaHashOrder.StringHash(p.IpOrDns(resolveIp)), view.Version.Major >= 5 ? 16 : 32);
        var tokenPerNode = dcs.Count >= view.Model.ListingRing.Count;
        var ownsHeader = ownership.Effective ? "Owns (effective)" : "Owns";
        var preRelease = view.Version.IsFourZeroPreRelease;
        var tables = new List<List<string[]>>();
        foreach (var (_, nodes) in dcs)
        {
            var table = new List<string[]>
            {
                tokenPerNode
                    ? ["--", "Address", "Load", ownsHeader, "Host ID", "Token", "Rack"]
                    : ["--", "Address", "Load", "Tokens", ownsHeader, "Host ID", "Rack"],
            };
            foreach (var peer in nodes)
            {
                var lost = preRelease && peer.ResolvesToName(resolveIp);
                var code = (lost ? "?" : StatusCells.StatusLetter(peer)) + StatusCells.StateLetter(peer);
                var load = lost ? "?" : StatusCells.Load(view, peer);
                var owns = preRelease ? "?" : StatusCells.Owns(ownership, peer, 1);
                var hostId = lost ? string.Empty : peer.HostId.ToString();
                var address = peer.IpOrDns(resolveIp);
                table.Add(tokenPerNode
                    ? [code, address, load, owns, hostId, peer.Tokens[0].ToString(CultureInfo.InvariantCulture), peer.Rack]
                    : [code, address, load, peer.Tokens.Length.ToString(CultureInfo.InvariantCulture), owns, hostId, peer.Rack]);
            }

            tables.Add(table);
        }

        var widths = new int[7];
        foreach (var row in tables.SelectMany(t => t))
        {
            for (var c = 0; c < row.Length; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        var output = new StringBuilder();
        for (var d = 0; d < dcs.Count; d++)
        {
            if (d > 0)
            {
                output.Append('\n');
            }

            output.Append(StatusCells.DatacenterHeader(dcs[d].Datacenter)).Append(StatusCells.Legend);
            foreach (var row in tables[d])
            {
                output.Append(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c])))).Append('\n');
            }
        }

        return output.Append('\n').Append(StatusCells.Errors(ownership)).ToString();
    }
}
