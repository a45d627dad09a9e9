using System.Text;

namespace Cstar.JobStore.Rendering;

/// <summary>A plain-text table: columns padded to their widest cell, two spaces apart, no trailing spaces.</summary>
internal static class TextTable
{
    public static string Render(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new List<IReadOnlyList<string>> { headers };
        all.AddRange(rows);
        var widths = headers.Select((_, i) => all.Max(r => r[i].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in all)
        {
            var line = string.Join("  ", row.Select((cell, i) => i == row.Count - 1 ? cell : cell.PadRight(widths[i])));
            text.Append(line.TrimEnd()).Append('\n');
        }

        return text.ToString();
    }
}
