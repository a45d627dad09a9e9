using System.Globalization;
using System.Text;
using Cstar.Core.Errors;

namespace Cstar.Ring.Parsing;

/// <summary>
/// Builds the one error a parser throws when it meets a line it does not understand. cstar never skips
/// such a line: a skipped node row is a node that silently escapes the replica rules.
/// </summary>
internal static class ParseError
{
    private const int MaxShownLine = 160;

    public static CstarException Line(string command, string layout, int lineNumber, ReadOnlySpan<char> line, string problem) =>
        new(
            string.Create(CultureInfo.InvariantCulture, $"Could not understand line {lineNumber} of 'nodetool {command}' output ({layout} layout): {problem}: \"{Show(line)}\""),
            $"cstar stops rather than skip a line it does not understand. Check that 'nodetool {command}' prints this line on that host; if it is genuine output, report it with the whole output so the parser can learn the format.");

    public static CstarException Output(string command, string problem) =>
        new(
            $"Could not understand 'nodetool {command}' output: {problem}",
            $"Run 'nodetool {command}' on the host and check its output; if it looks normal, report it with the whole output.");

    /// <summary>Shortens the line and makes control characters visible so the message stays one printable line.</summary>
    public static string Show(ReadOnlySpan<char> line)
    {
        var builder = new StringBuilder(Math.Min(line.Length, MaxShownLine) + 8);
        foreach (var c in line.Length > MaxShownLine ? line[..MaxShownLine] : line)
        {
            if (char.IsControl(c))
            {
                builder.Append(c == '\t' ? "\\t" : string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"));
            }
            else
            {
                builder.Append(c);
            }
        }

        if (line.Length > MaxShownLine)
        {
            builder.Append("...");
        }

        return builder.ToString();
    }
}
