using System.Collections.Immutable;
using Cstar.Core.Jobs;

namespace Cstar.JobStore.Timeline;

/// <summary>
/// Everything the HTML report draws, built by <see cref="TimelineBuilder"/> from the store, the job's events and its
/// plan. <see cref="End"/> is the job's end, or the time the report was made when it has not ended.
/// </summary>
public sealed record JobTimeline(
    StoredJob Job,
    bool RunnerGone,
    DateTimeOffset Start,
    DateTimeOffset End,
    ImmutableArray<TimelineHost> Hosts,
    ImmutableArray<TimelineSpan> JobSpans,
    ImmutableArray<TimelineMarker> Markers,
    ImmutableArray<TimelineWave> Waves,
    JobPlanRecord? Plan,
    int EventCount,
    int UnreadableEvents)
{
    public string JobId => Job.Definition.JobId;

    /// <summary>The estimated end (creation + the plan's estimate), when the job has a plan.</summary>
    public DateTimeOffset? EstimatedEnd => Plan is null ? null : Job.Definition.CreatedAt + Plan.EstimatedDuration;
}
