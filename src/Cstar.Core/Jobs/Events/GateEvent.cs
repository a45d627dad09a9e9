namespace Cstar.Core.Jobs.Events;

/// <summary>
/// The health gate's view of a host (or of the ring when <see cref="Host"/> is null), at each check: passed or why it
/// waits, and for how long so far. A gate that opens after a wait is a <see cref="GatePassEvent"/> instead.
/// </summary>
public sealed record GateEvent(DateTimeOffset Time, string JobId, string? Host, bool Passed, string Status, TimeSpan Waited)
    : JobEvent(Time, JobId)
{
    public override string Type => JobEventTypes.Gate;
}
