using Cstar.Ring.Parsing;

namespace Cstar.Ring.Info;

/// <summary>Parses 'nodetool version' ("ReleaseVersion: 3.11.10").</summary>
public static class VersionParser
{
    public static string Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string? version = null;
        var cursor = new LineCursor(text);
        while (cursor.MoveNext())
        {
            var trimmed = cursor.Current.Trim();
            if (trimmed.IsEmpty)
            {
                continue;
            }

            if (!trimmed.StartsWith("ReleaseVersion:", StringComparison.Ordinal) || version is not null
                || trimmed["ReleaseVersion:".Length..].Trim().IsEmpty)
            {
                throw ParseError.Line("version", "ReleaseVersion", cursor.Number, cursor.Current, "expected a single 'ReleaseVersion: <version>' line");
            }

            version = trimmed["ReleaseVersion:".Length..].Trim().ToString();
        }

        return version ?? throw ParseError.Output("version", "no 'ReleaseVersion:' line (empty output?)");
    }
}
