using System.Collections.Immutable;

namespace Cstar.Core.Scheduling;

/// <summary>
/// Everything one decision depends on: the precomputed context (topology, replica index, policy), the job's
/// progress, and the nodes the latest ring view shows as not serving (see Health.HealthRules.UnavailableNodes).
/// </summary>
public sealed record ScheduleInput(SchedulingContext Context, JobProgress Progress, ImmutableHashSet<string> DownNodes)
{
    public static ScheduleInput Create(SchedulingContext context, JobProgress progress, IEnumerable<string>? downNodes = null) =>
        new(context, progress, (downNodes ?? []).ToImmutableHashSet(StringComparer.Ordinal));
}
