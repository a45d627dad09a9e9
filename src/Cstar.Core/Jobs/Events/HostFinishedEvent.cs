namespace Cstar.Core.Jobs.Events;

/// <summary>A host reached a final state.</summary>
public sealed record HostFinishedEvent(
    DateTimeOffset Time, string JobId, string Host, HostRunStateKind State, int? ExitCode, string? Reason, TimeSpan? Duration)
    : JobEvent(Time, JobId)
{
    public override string Type => JobEventTypes.HostFinish;
}
