namespace Cstar.Core.Jobs.Events;

/// <summary>
/// A host moved: its recorded state (as the store returned it), whether its command ended and it waits to be seen
/// back (<see cref="AwaitingReturn"/>), and why. For the views and the log; not in the <c>--events</c> stream
/// (which has <see cref="HostStartedEvent"/> and <see cref="HostFinishedEvent"/>).
/// </summary>
public sealed record HostChangedEvent(
    DateTimeOffset Time, string JobId, string Host, HostRunStateKind State, bool AwaitingReturn, long? Pid, int? ExitCode, string? Reason)
    : JobEvent(Time, JobId)
{
    public override string Type => JobEventTypes.HostChange;
}
