namespace Cstar.Core.Jobs.Events;

/// <summary>
/// Something that happened in a job: the one event hierarchy of the engine. The runner loop publishes each event once
/// to a <see cref="Execution.JobEventFanOut"/>, which hands it to every <see cref="Ports.IJobEventSubscriber"/> in order
/// (console view, job log, <c>--events</c> writer). <see cref="Type"/> is the discriminator written as <c>"type"</c>;
/// every event has a time and the job id.
/// </summary>
public abstract record JobEvent(DateTimeOffset Time, string JobId)
{
    public abstract string Type { get; }
}
