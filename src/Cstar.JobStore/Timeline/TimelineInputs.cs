using Cstar.Core.Jobs;
using Cstar.JobStore.Events;

namespace Cstar.JobStore.Timeline;

/// <summary>What <see cref="TimelineBuilder"/> reads, gathered by <see cref="TimelineReader"/> (or given by a test).</summary>
/// <param name="OutputHead">A host's exit output head, already bounded.</param>
/// <param name="Now">When the report is made: the end of the axis for a job that has not ended.</param>
public sealed record TimelineInputs(
    StoredJob Job,
    bool RunnerGone,
    IReadOnlyList<StoredEvent> Events,
    int UnreadableEvents,
    JobPlanRecord? Plan,
    Func<string, string> OutputHead,
    DateTimeOffset Now);
