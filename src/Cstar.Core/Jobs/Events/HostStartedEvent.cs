namespace Cstar.Core.Jobs.Events;

/// <summary>A host was recorded Starting and its command is being sent (or re-attached when <see cref="Attach"/>).</summary>
public sealed record HostStartedEvent(DateTimeOffset Time, string JobId, string Host, int Attempt, bool Attach)
    : JobEvent(Time, JobId)
{
    public override string Type => JobEventTypes.HostStart;
}
