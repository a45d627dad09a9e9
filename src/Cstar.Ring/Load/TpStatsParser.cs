using System.Collections.Immutable;
using System.Globalization;
using Cstar.Ring.Parsing;

namespace Cstar.Ring.Load;

/// <summary>
/// Parses <c>nodetool tpstats</c> from 2.1 to 5.0: the pool table under "Pool Name ... All time blocked" (printf
/// <c>%-25s%10s%10s%15s%10s%18s</c> up to 3.11, TableBuilder from 4.0) up to the first empty line, and the rows
/// under "Message type ... Dropped" (4.0+ adds latency columns and a second header line, not read).
/// </summary>
public static class TpStatsParser
{
    private const string Command = "tpstats";
    private const string Layout = "pool table";

    public static TpStatsOutput Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pools = ImmutableArray.CreateBuilder<ThreadPoolStats>();
        var dropped = ImmutableDictionary.CreateBuilder<string, long>(StringComparer.Ordinal);
        var section = 0;
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r');
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                section = section == 1 ? 0 : section;
                continue;
            }

            if (line.StartsWith("error:", StringComparison.OrdinalIgnoreCase) || line.StartsWith("nodetool:", StringComparison.Ordinal))
            {
                throw ParseError.Output(Command, "nodetool reported: " + ParseError.Show(line));
            }

            if (line.StartsWith("Pool Name", StringComparison.Ordinal))
            {
                section = 1;
            }
            else if (line.StartsWith("Message type", StringComparison.Ordinal))
            {
                section = 2;
            }
            else if (section == 1)
            {
                if (words.Length != 6)
                {
                    throw ParseError.Line(Command, Layout, number, line, "a pool row has a name and 5 figures");
                }

                pools.Add(new ThreadPoolStats(words[0], Figure(words[1]), Figure(words[2]), Figure(words[3]), Figure(words[4]), Figure(words[5])));
            }
            else if (section == 2 && words.Length >= 2 && Figure(words[1]) is long count)
            {
                dropped[words[0]] = count;
            }
        }

        return pools.Count > 0 ? new TpStatsOutput(pools.ToImmutable(), dropped.ToImmutable()) : throw ParseError.Output(Command, "no thread pool table");
    }

    private static long? Figure(string word) =>
        long.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
