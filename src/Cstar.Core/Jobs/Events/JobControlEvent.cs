using Cstar.Core.Jobs.Controls;

namespace Cstar.Core.Jobs.Events;

/// <summary>An operator's request (pause, resume, set) took effect in the runner: what, who (user@host) and why.</summary>
public sealed record JobControlEvent(DateTimeOffset Time, string JobId, long Sequence, JobControlKind Control, string? Value, string Who, string? Reason)
    : JobEvent(Time, JobId)
{
    public override string Type => JobEventTypes.Control;

    /// <summary>As the log and the console say it, e.g. "pause by alice@jump1 (compactions behind)".</summary>
    public string Describe() => new JobControl(Sequence, Control, Value, Who, Reason, Time, Time).Describe();
}
