namespace Cstar.Core.Jobs.Events;

/// <summary>The job stops scheduling new hosts (a failure, --stop-after, Ctrl+C); running hosts are awaited.</summary>
public sealed record JobHaltedEvent(DateTimeOffset Time, string JobId, string Reason)
    : JobEvent(Time, JobId)
{
    public override string Type => JobEventTypes.Halt;
}
