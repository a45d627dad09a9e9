namespace Cstar.Simulator.Host.Hosts;

/// <summary>POSIX single-quoting for the few paths written into generated shell scripts.</summary>
public static class ShellQuote
{
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
