using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Cstar.Ring.Parsing;

namespace Cstar.Ring.Load;

/// <summary>
/// Parses <c>nodetool compactionstats</c> from 2.1 to 5.0. Every version prints the total first: "pending tasks: N"
/// (2.1 to 4.1, then "- ks.table: n" lines from 3.0) or a TableBuilder row "pending tasks  N" (5.0, after
/// "concurrent compactors"). The compactions running follow under a header naming "compaction type" (4.x/5.0 with
/// "id"), up to "Active compaction remaining time". Output without a total is an error, never zero.
/// </summary>
public static partial class CompactionStatsParser
{
    private const string Command = "compactionstats";

    public static CompactionStatsOutput Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int? total = null;
        var perTable = ImmutableArray.CreateBuilder<TablePending>();
        var active = 0;
        var inTable = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var trimmed = line.Trim();
            if (trimmed.StartsWith("error:", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("nodetool:", StringComparison.Ordinal))
            {
                throw ParseError.Output(Command, "nodetool reported: " + ParseError.Show(trimmed));
            }

            if (inTable)
            {
                if (trimmed.Length == 0 || trimmed.StartsWith("Active compaction remaining time", StringComparison.Ordinal))
                {
                    inTable = false;
                }
                else
                {
                    active++;
                }

                continue;
            }

            if (total is null && Total().Match(trimmed) is { Success: true } totalMatch)
            {
                total = Number(totalMatch.Groups["n"].Value);
            }
            else if (PerTableLine().Match(trimmed) is { Success: true } table)
            {
                perTable.Add(new TablePending(table.Groups["ks"].Value, table.Groups["t"].Value, Number(table.Groups["n"].Value)));
            }
            else if (trimmed.Contains("compaction type", StringComparison.Ordinal) && trimmed.Contains("progress", StringComparison.Ordinal))
            {
                inTable = true;
            }
        }

        return total is int pending
            ? new CompactionStatsOutput(pending, perTable.ToImmutable(), active)
            : throw ParseError.Output(Command, "no 'pending tasks' line: cannot tell how many compactions are pending");
    }

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^pending (compaction )?tasks\s*:?\s+(?<n>[0-9]{1,9})$")]
    private static partial Regex Total();

    [GeneratedRegex(@"^- (?<ks>[^.\s]+)\.(?<t>\S+): (?<n>[0-9]{1,9})$")]
    private static partial Regex PerTableLine();
}
