namespace Cstar.Core.Jobs;

/// <summary>A requested change of a host's state, with the facts that come with it. Use the factories.</summary>
public sealed record HostTransition(HostRunStateKind To, DateTimeOffset At, long? RemotePid, int? ExitCode, string? Reason)
{
    public static HostTransition Starting(DateTimeOffset at) => new(HostRunStateKind.Starting, at, null, null, null);

    public static HostTransition Running(DateTimeOffset at, long remotePid) => new(HostRunStateKind.Running, at, remotePid, null, null);

    public static HostTransition Succeeded(DateTimeOffset at) => new(HostRunStateKind.Succeeded, at, null, 0, null);

    public static HostTransition Failed(DateTimeOffset at, int? exitCode, string reason) => new(HostRunStateKind.Failed, at, null, exitCode, reason);

    public static HostTransition TimedOut(DateTimeOffset at, string reason) => new(HostRunStateKind.TimedOut, at, null, null, reason);

    public static HostTransition DidNotComeBack(DateTimeOffset at, int? exitCode, string reason) => new(HostRunStateKind.DidNotComeBack, at, null, exitCode, reason);

    public static HostTransition Skipped(DateTimeOffset at, string reason) => new(HostRunStateKind.Skipped, at, null, null, reason);

    /// <summary>Back to Pending for <c>continue --retry-failed</c>; refused without that flag.</summary>
    public static HostTransition Retry(DateTimeOffset at) => new(HostRunStateKind.Pending, at, null, null, "retry requested");
}
