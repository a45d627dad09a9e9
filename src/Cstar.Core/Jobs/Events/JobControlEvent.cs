using Cstar.Core.Jobs.Controls;

namespace Cstar.Core.Jobs.Events;

/// <summary>An operator's request (pause, resume, set) took effect in the runner: what, who (user@host) and why.</summary>
public sealed record JobControlEvent(DateTimeOffset Time, string JobId, long Sequence, JobControlKind Control, string? Value, string Who, string? Reason)
    : JobEvent(Time, JobId)
{
    public override string Type => JobEventTypes.Control;
}
