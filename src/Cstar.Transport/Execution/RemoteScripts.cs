namespace Cstar.Transport.Execution;

/// <summary>
/// The fixed <c>sh</c> programs the transports run. Values never go into the script text: they are passed
/// as positional parameters (<c>sh -c SCRIPT NAME ARG...</c>), so only <see cref="ShellQuote"/> touches them.
/// </summary>
internal static class RemoteScripts
{
    /// <summary>Prefix of the first stderr line the remote wrapper prints: the pid (and process group) of the command.</summary>
    public const string PidMarker = "cstar-pid:";

    /// <summary>Prints the pid, then becomes the command: sshd made this process a session (and group) leader.</summary>
    public const string Wrapper = "printf 'cstar-pid:%s\\n' \"$$\" >&2; exec \"$@\"";

    /// <summary>
    /// SIGTERM to the process group (or the process alone when it leads none), up to <c>$2</c> tenths of a second
    /// for it to go, then SIGKILL: the whole graceful-then-forceful sequence in one round trip.
    /// </summary>
    public const string Kill =
        "s() { kill -s \"$1\" -- \"-$2\" 2>/dev/null || kill -s \"$1\" \"$2\" 2>/dev/null; }; "
        + "s TERM \"$1\" || exit 0; i=0; while [ \"$i\" -lt \"$2\" ]; do s 0 \"$1\" || exit 0; sleep 0.1; i=$((i+1)); done; s KILL \"$1\"; exit 0";

    /// <summary>Exit code of <see cref="Read"/> when the file does not exist.</summary>
    public const int MissingFileExitCode = 66;

    public const string Read = "if [ -f \"$1\" ]; then exec cat -- \"$1\"; fi; exit 66";

    public static IReadOnlyList<string> Wrap(IReadOnlyList<string> argv) => ["sh", "-c", Wrapper, "cstar-run", .. argv];

    public static IReadOnlyList<string> KillArgv(int pid, TimeSpan gracePeriod) =>
    [
        "sh", "-c", Kill, "cstar-kill",
        pid.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ((int)Math.Ceiling(gracePeriod.TotalSeconds * 10)).ToString(System.Globalization.CultureInfo.InvariantCulture),
    ];

    public static IReadOnlyList<string> ReadArgv(string path) => ["sh", "-c", Read, "cstar-read", path];
}
