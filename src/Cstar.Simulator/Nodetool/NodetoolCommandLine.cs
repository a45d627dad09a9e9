namespace Cstar.Simulator.Nodetool;

/// <summary>
/// A nodetool argv split into the connection options (-h, -p, -u, -pw, -pwf, -pp; accepted and ignored
/// except host/port, which appear in "Failed to connect") and the command with its own arguments.
/// </summary>
internal sealed record NodetoolCommandLine(string Host, string Port, string? Command, IReadOnlyList<string> Arguments, string? Error)
{
    private static readonly HashSet<string> OptionsWithValue = new(StringComparer.Ordinal)
    {
        "-h", "--host", "-p", "--port", "-u", "--username", "-pw", "--password", "-pwf", "--password-file",
    };

    public static NodetoolCommandLine Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var host = "127.0.0.1";
        var port = "7199";
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (OptionsWithValue.Contains(arg))
            {
                if (i + 1 >= args.Count)
                {
                    return new NodetoolCommandLine(host, port, null, [], $"Required values for option '{arg}' not provided");
                }

                var value = args[++i];
                if (arg is "-h" or "--host")
                {
                    host = value;
                }
                else if (arg is "-p" or "--port")
                {
                    port = value;
                }
            }
            else if (arg is "-pp" or "--print-port")
            {
                continue;
            }
            else
            {
                rest.Add(arg);
            }
        }

        return rest.Count == 0
            ? new NodetoolCommandLine(host, port, null, [], "No command specified")
            : new NodetoolCommandLine(host, port, rest[0], rest.Skip(1).ToList(), null);
    }

    public bool HasFlag(params string[] names) => Arguments.Any(a => names.Contains(a, StringComparer.Ordinal));

    /// <summary>Arguments that are not flags (and not the values of <paramref name="optionsWithValue"/>).</summary>
    public List<string> Positional(params string[] optionsWithValue)
    {
        var result = new List<string>();
        for (var i = 0; i < Arguments.Count; i++)
        {
            if (optionsWithValue.Contains(Arguments[i], StringComparer.Ordinal))
            {
                i++;
            }
            else if (!Arguments[i].StartsWith('-'))
            {
                result.Add(Arguments[i]);
            }
        }

        return result;
    }
}
