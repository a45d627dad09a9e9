using Cstar.Core.Jobs.Events;
using Cstar.Core.Ports;

namespace Cstar.Core.Execution;

/// <summary>
/// Hands each event of a run to every subscriber, in the order given (the console view, then the log, then the
/// <c>--events</c> writer). A subscriber that throws does not stop the job: it is detached (it gets no more events of
/// this run: a view that failed once would fail on every event) and a <see cref="SubscriberFailedEvent"/> naming it
/// and the error goes to the subscribers still attached (the job log writes it as a warning, also on stderr). The
/// job's state is not a subscriber: the runner persists each transition before it publishes the event.
/// </summary>
public sealed class JobEventFanOut(IEnumerable<IJobEventSubscriber> subscribers)
{
    private readonly List<IJobEventSubscriber> _attached = [.. subscribers];

    /// <summary>The subscribers still attached, in order.</summary>
    public IReadOnlyList<IJobEventSubscriber> Attached => _attached;

    public void Publish(JobEvent jobEvent)
    {
        ArgumentNullException.ThrowIfNull(jobEvent);
        foreach (var subscriber in _attached.ToArray())
        {
            if (!_attached.Contains(subscriber))
            {
                continue;
            }

            try
            {
                subscriber.Handle(jobEvent);
            }
#pragma warning disable CA1031 // A subscriber must never stop the job: any failure detaches it and is reported.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _attached.Remove(subscriber);
                // Each failure detaches one subscriber: reporting it cannot recurse more times than there are subscribers.
                Publish(new SubscriberFailedEvent(jobEvent.Time, jobEvent.JobId, subscriber.Name, jobEvent.Type, $"{e.GetType().Name}: {e.Message}"));
            }
        }
    }
}
