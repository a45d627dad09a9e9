using Cstar.Core.Jobs.Events;

namespace Cstar.Core.Ports;

/// <summary>
/// Receives the engine's events (console views, job log, <c>--events</c> writer). Called by the runner loop only,
/// one event at a time, so an implementation needs no locks; it must return quickly. An implementation handles every
/// <see cref="JobEvent"/> type in one switch, listing the types it ignores; its default case throws
/// <see cref="UnhandledJobEventException"/>, so a test that feeds it every event type fails when a new type is not handled.
/// A subscriber that throws is detached for the rest of the run (see <see cref="Execution.JobEventFanOut"/>).
/// </summary>
public interface IJobEventSubscriber
{
    /// <summary>What the operator is told when it fails, e.g. "the console view".</summary>
    string Name { get; }

    void Handle(JobEvent jobEvent);
}
