using System.Text;

namespace Cstar.Transport.Detached;

/// <summary>
/// The one file a run sends before it starts (written 0600): a small sh program that writes the <c>env</c> file
/// (<c>export NAME='value'</c>, every value quoted by <see cref="ShellQuote"/>) and the <c>command</c> file, each
/// with the shell's own <c>printf</c> (no process started: the unpacking is on the path of every start) of the
/// content quoted by <see cref="ShellQuote"/>; content holding a NUL (which no shell word can) goes through a quoted
/// here-document whose end marker is random and checked not to occur in it. It stops (exit 1) at the first failed write.
/// </summary>
internal static class RunBundle
{
    public static byte[] Build(string script, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(environment);
        var env = new StringBuilder();
        foreach (var (name, value) in environment.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!IsName(name))
            {
                throw new ArgumentException($"'{name}' cannot be an environment variable name", nameof(environment));
            }

            env.Append("export ").Append(name).Append('=').Append(ShellQuote.Quote(value)).Append('\n');
        }

        var body = script.EndsWith('\n') ? script : script + "\n";
        var text = new StringBuilder("umask 077\n");
        AppendFile(text, "env", env.ToString());
        AppendFile(text, "command", body);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void AppendFile(StringBuilder text, string name, string content)
    {
        if (!content.Contains('\0', StringComparison.Ordinal))
        {
            text.Append("printf '%s' ").Append(ShellQuote.Quote(content)).Append(" > ").Append(name).Append(" || exit 1\n");
            return;
        }

        string marker;
        do
        {
            marker = "CSTAR_END_" + Guid.NewGuid().ToString("N");
        }
        while (content.Contains(marker, StringComparison.Ordinal));

        text.Append("cat > ").Append(name).Append(" <<'").Append(marker).Append("' || exit 1\n").Append(content);
        if (content.Length > 0 && !content.EndsWith('\n'))
        {
            text.Append('\n');
        }

        text.Append(marker).Append('\n');
    }

    internal static bool IsName(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
