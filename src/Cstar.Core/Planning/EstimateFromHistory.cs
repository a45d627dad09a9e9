using System.Globalization;
using Cstar.Core.Commands;
using Cstar.Core.Jobs;

namespace Cstar.Core.Planning;

/// <summary>
/// A dry run's per-host figure taken from an earlier run of the same command: the median time from a host's
/// start to its return (the gate's wait included, so the separate gate figure is zero).
/// </summary>
public static class EstimateFromHistory
{
    public static PlanEstimate? From(string jobId, IEnumerable<HostRunState> hosts)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        var durations = hosts
            .Where(h => h.Kind == HostRunStateKind.Succeeded && h.Duration is { } d && d > TimeSpan.Zero)
            .Select(h => h.Duration!.Value)
            .Order()
            .ToList();
        if (durations.Count == 0)
        {
            return null;
        }

        var middle = durations.Count / 2;
        var median = durations.Count % 2 == 1 ? durations[middle] : (durations[middle - 1] + durations[middle]) / 2;
        var count = durations.Count.ToString(CultureInfo.InvariantCulture);
        return new PlanEstimate(median, TimeSpan.Zero)
        {
            Basis = $"job {jobId}: median {DurationText.Format(median)} per host from start to back, over {count} host(s)",
        };
    }
}
