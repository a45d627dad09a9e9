using System.Globalization;

namespace Cstar.Simulator.Spec;

/// <summary>
/// Reads (address, token) pairs from a captured `nodetool ring` output, so a simulated ring can reuse
/// real tokens. Deliberately minimal: rows are "address rack status state load [unit] owns token".
/// </summary>
internal static class RingOutputTokens
{
    /// <summary>One spelling per address, so "::1" in a spec matches "0:0:0:0:0:0:0:1" in Java's output.</summary>
    public static string Normalize(string address) =>
        System.Net.IPAddress.TryParse(address, out var ip) ? ip.ToString() : address;

    public static Dictionary<string, List<long>> Read(string ringOutput)
    {
        ArgumentNullException.ThrowIfNull(ringOutput);
        var result = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        foreach (var rawLine in ringOutput.Split('\n'))
        {
            var fields = rawLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 6 || fields[0].Contains('=', StringComparison.Ordinal) || fields[0] == "Address")
            {
                continue;
            }

            if (!System.Net.IPAddress.TryParse(fields[0], out _)
                || !long.TryParse(fields[^1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var token))
            {
                continue;
            }

            var address = Normalize(fields[0]);
            if (!result.TryGetValue(address, out var list))
            {
                result[address] = list = [];
            }

            list.Add(token);
        }

        return result;
    }
}
