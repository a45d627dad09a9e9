using Cstar.Core.Jobs.Events;
using Cstar.Core.Ports;

namespace Cstar.Cli.Jobs;

/// <summary>Every event to each sink in turn: the job folder's events.ndjson and the operator's --events stream.</summary>
internal sealed class EventFanOut(params IJobEventSink[] sinks) : IJobEventSink
{
    public void Publish(JobEvent jobEvent)
    {
        foreach (var sink in sinks)
        {
            sink.Publish(jobEvent);
        }
    }
}
