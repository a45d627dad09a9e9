using Cstar.Core.Jobs.Events;

namespace Cstar.Core.Ports;

/// <summary>An observer of job events (NDJSON file, console, log). Called by the runner loop only.</summary>
public interface IJobEventSink
{
    void Publish(JobEvent jobEvent);
}
