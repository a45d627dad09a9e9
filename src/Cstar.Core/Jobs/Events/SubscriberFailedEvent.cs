namespace Cstar.Core.Jobs.Events;

/// <summary>
/// A subscriber threw while handling an event of type <see cref="FailedOn"/>: it gets no more events of this run, the
/// job goes on. Published by <see cref="Execution.JobEventFanOut"/> to the subscribers still attached.
/// </summary>
public sealed record SubscriberFailedEvent(DateTimeOffset Time, string JobId, string Subscriber, string FailedOn, string Error)
    : JobEvent(Time, JobId)
{
    public override string Type => JobEventTypes.SubscriberFailed;
}
