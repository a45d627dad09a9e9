namespace Cstar.Core.Jobs;

/// <summary>One host's state in a job. Built only by <see cref="HostStateMachine"/> transitions.</summary>
/// <param name="Attempt">How many times the host was started (1 after the first Starting).</param>
public sealed record HostRunState(
    string Host,
    HostRunStateKind Kind,
    int Attempt,
    long? RemotePid,
    int? ExitCode,
    string? Reason,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt)
{
    public static HostRunState Pending(string host) => new(JobIds.ValidateHost(host), HostRunStateKind.Pending, 0, null, null, null, null, null);

    /// <summary>True when nothing more will happen to the host in this run (it may still be retried).</summary>
    public bool IsTerminal => HostStateMachine.IsTerminal(Kind);

    /// <summary>How long the host ran, once it ended.</summary>
    public TimeSpan? Duration => StartedAt is { } s && EndedAt is { } e ? e - s : null;
}
