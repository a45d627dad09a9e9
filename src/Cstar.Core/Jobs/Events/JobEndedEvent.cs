namespace Cstar.Core.Jobs.Events;

/// <summary>The run ended in <see cref="State"/> with these host counts.</summary>
public sealed record JobEndedEvent(DateTimeOffset Time, string JobId, JobState State, HostCounts Hosts)
    : JobEvent(Time, JobId)
{
    public override string Type => JobEventTypes.JobEnd;
}
