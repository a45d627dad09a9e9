namespace Cstar.Core.Execution;

/// <summary>How one host's command ended, with a reason an operator can read.</summary>
public sealed record HostRunResult(HostRunResultKind Kind, int? ExitCode, string Reason)
{
    public static HostRunResult Exited(int exitCode) =>
        new(HostRunResultKind.Exited, exitCode, exitCode == 0 ? "exit 0" : $"exit {exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture)}");

    public static HostRunResult TimedOut(string reason) => new(HostRunResultKind.TimedOut, null, reason);

    public static HostRunResult Rebooted(string reason) => new(HostRunResultKind.HostRebooted, null, reason);

    public static HostRunResult Lost(string reason) => new(HostRunResultKind.Lost, null, reason);

    public static HostRunResult Detached() => new(HostRunResultKind.Detached, null, "detached: the command goes on on the host");

    public bool Succeeded => Kind == HostRunResultKind.Exited && ExitCode == 0;
}
