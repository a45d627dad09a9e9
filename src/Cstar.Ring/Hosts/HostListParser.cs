using System.Collections.Immutable;

namespace Cstar.Ring.Hosts;

/// <summary>
/// Reads a --host-file: one host per line (several separated by spaces or commas are accepted), lines
/// trimmed, blank lines and '#' comments (whole-line or trailing) skipped. The CLI reads the file.
/// </summary>
public static class HostListParser
{
    private static readonly char[] Separators = [',', ' ', '\t'];

    public static ImmutableArray<string> ParseFile(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var hosts = ImmutableArray.CreateBuilder<string>();
        foreach (var rawLine in content.Split('\n'))
        {
            var line = rawLine;
            var comment = line.IndexOf('#', StringComparison.Ordinal);
            if (comment >= 0)
            {
                line = line[..comment];
            }

            foreach (var host in line.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!hosts.Contains(host, StringComparer.OrdinalIgnoreCase))
                {
                    hosts.Add(host);
                }
            }
        }

        return hosts.ToImmutable();
    }
}
