using Cstar.Core.Ports;

namespace Cstar.Core.Jobs.Events;

/// <summary>Output of a host's command as it arrived (already stored in the host's output files when published).</summary>
public sealed record HostOutputEvent(DateTimeOffset Time, string JobId, string Host, OutputStreamKind Stream, string Text)
    : JobEvent(Time, JobId)
{
    public override string Type => JobEventTypes.HostOutput;
}
