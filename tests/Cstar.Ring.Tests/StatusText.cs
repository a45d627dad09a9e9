using System.Text;

namespace Cstar.Ring.Tests;

/// <summary>
/// Builds 'nodetool status' text in the real layouts (copied from the 3.11.10 and 4.0-alpha4 captures), so
/// that crafted rows (IPv6, ip:port, odd racks, '?' loads, every state) are laid out as nodetool would.
/// </summary>
internal static class StatusText
{
    public sealed record Row(string State, string Address, string Load, string Tokens, string Owns, string HostId, string Rack);

    private const string Legend = "Status=Up/Down\n|/ State=Normal/Leaving/Joining/Moving\n";

    /// <summary>2.2-3.11: "%-2s  %-{addr}s  %-9s  %-11s  %-16s  %-36s  %s", no blank line between DCs.</summary>
    public static string V311(params (string Dc, Row[] Rows)[] dcs)
    {
        var width = Math.Max("Address".Length, dcs.SelectMany(d => d.Rows).Select(r => r.Address.Length).DefaultIfEmpty(0).Max());
        var text = new StringBuilder();
        foreach (var (dc, rows) in dcs)
        {
            text.Append("Datacenter: ").Append(dc).Append('\n').Append(new string('=', dc.Length + 12)).Append('\n').Append(Legend);
            text.Append(Line311("--", "Address", "Load", "Tokens", "Owns (effective)", "Host ID", "Rack", width));
            foreach (var r in rows)
            {
                text.Append(Line311(r.State, r.Address, r.Load, r.Tokens, r.Owns, r.HostId, r.Rack, width));
            }
        }

        return text.Append('\n').ToString();
    }

    /// <summary>4.0+: one TableBuilder for all DCs (columns two spaces apart, last one padded), blank line between DCs.</summary>
    public static string V40(params (string Dc, Row[] Rows)[] dcs)
    {
        var header = new[] { "--", "Address", "Load", "Tokens", "Owns (effective)", "Host ID", "Rack" };
        var all = dcs.SelectMany(d => d.Rows).Select(Cells).Append(header).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(i => all.Max(c => c[i].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var (dc, rows) in dcs)
        {
            text.Append("Datacenter: ").Append(dc).Append('\n').Append(new string('=', dc.Length + 12)).Append('\n').Append(Legend);
            text.Append(Table(header, widths));
            foreach (var r in rows)
            {
                text.Append(Table(Cells(r), widths));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string[] Cells(Row r) => [r.State, r.Address, r.Load, r.Tokens, r.Owns, r.HostId, r.Rack];

    private static string Table(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))) + "\n";

    private static string Line311(string state, string address, string load, string tokens, string owns, string hostId, string rack, int width) =>
        $"{state,-2}  {address.PadRight(width)}  {load,-9}  {tokens,-11}  {owns,-16}  {hostId,-36}  {rack}\n";
}
