namespace Cstar.Core.Jobs.Events;

/// <summary>The scheduler waits (health gate, concurrency): <see cref="Reason"/> is what it waits for.</summary>
public sealed record GateWaitEvent(DateTimeOffset Time, string JobId, string? Host, string Reason)
    : JobEvent(Time, JobId)
{
    public override string Type => JobEventTypes.GateWait;
}
