using Cstar.Core.Scheduling;
using Cstar.Core.Topology;

namespace Cstar.Cli.Jobs;

/// <summary>
/// The job's scheduling as the header and the log state it: the strategy, then only the settings that mean something
/// for these targets, cluster-parallel or -serial when they span several clusters, dc-parallel or -serial when a
/// cluster has targets in several DCs ("topology, dc-serial", not "cluster-parallel true" on one cluster).
/// </summary>
internal static class SchedulingText
{
    public static string Of(SchedulingPolicy policy, IReadOnlyCollection<Node> targets)
    {
        var parts = new List<string> { policy.Strategy.ToString().ToLowerInvariant() };
        if (targets.Select(n => n.Cluster).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            parts.Add(policy.ClusterParallel ? "cluster-parallel" : "cluster-serial");
        }

        if (targets.GroupBy(n => n.Cluster, StringComparer.Ordinal).Any(c => c.Select(n => n.Datacenter).Distinct(StringComparer.Ordinal).Count() > 1))
        {
            parts.Add(policy.DcParallel ? "dc-parallel" : "dc-serial");
        }

        return string.Join(", ", parts);
    }
}
