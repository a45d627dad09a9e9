namespace Cstar.Simulator.Formats;

/// <summary>The errors real nodetool prints, with their exit codes (see the captures' _exit-codes.txt).</summary>
internal static class NodetoolErrors
{
    /// <summary>JMX unreachable (Cassandra stopped, starting, or host down): stderr, exit 1.</summary>
    public static NodetoolResponse FailedToConnect(string host, string port) => new(
        string.Empty,
        $"nodetool: Failed to connect to '{host}:{port}' - ConnectException: 'Connection refused (Connection refused)'.\n",
        1);

    /// <summary>airline's parse errors (unknown command, missing argument): stdout, exit 1.</summary>
    public static NodetoolResponse BadUse(string message) => new(
        "nodetool: " + message + "\nSee 'nodetool help' or 'nodetool help <command>'.\n",
        string.Empty,
        1);

    /// <summary>status/ring with an unknown keyspace: "%nError: %s%n" on stdout.</summary>
    public static NodetoolResponse KeyspaceError(string message, int exitCode) => new("\nError: " + message + "\n", string.Empty, exitCode);

    /// <summary>
    /// An exception escaping a command (NodeTool.err): "error: " + getMessage, "-- StackTrace --" and the
    /// trace's first line on stderr, exit 2, after whatever the command already printed.
    /// </summary>
    public static NodetoolResponse Exception(string printedBefore, string message, string traceHead) => new(
        printedBefore,
        "error: " + message + "\n-- StackTrace --\n" + traceHead + "\n",
        2);
}
