using System.Text;

namespace Cstar.Transport;

/// <summary>
/// The one POSIX quoting helper. SSH hands the remote side a single string that the login shell parses,
/// so every argv element is wrapped in single quotes, with each embedded <c>'</c> written as <c>'\''</c>.
/// Inside single quotes a POSIX shell treats every byte literally, so nothing (<c>$()</c>, backticks,
/// newlines, globs) is interpreted. No value is ever left unquoted: the ancestor's "safe characters"
/// shortcut turned <c>a|b</c> into a pipe.
/// </summary>
public static class ShellQuote
{
    /// <summary>Quotes one value so that a POSIX shell reads it back byte-identical as one word.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("A shell argument cannot contain a NUL character.", nameof(value));
        }

        var builder = new StringBuilder(value.Length + 2);
        builder.Append('\'');
        foreach (var c in value)
        {
            if (c == '\'')
            {
                builder.Append("'\\''");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('\'').ToString();
    }

    /// <summary>Quotes every element and joins them with spaces: an argv list turned into one safe command line.</summary>
    public static string Join(IEnumerable<string> argv)
    {
        ArgumentNullException.ThrowIfNull(argv);
        return string.Join(' ', argv.Select(Quote));
    }
}
