using Cstar.Core.Health;

namespace Cstar.Ring.Discovery;

/// <summary>
/// Discovery's reading as ring views for the job's first ring check: per cluster, the seed's nodetool status, as the
/// gate's own read would give it (status only: the gate's reads carry no schema versions either, so relying on
/// discovery changes no rule). Null when a cluster's read time is unknown.
/// </summary>
public static class DiscoveryReading
{
    public static RingReading? Of(DiscoveryResult discovery)
    {
        ArgumentNullException.ThrowIfNull(discovery);
        if (discovery.Clusters.IsEmpty || discovery.Clusters.Any(c => c.StatusSentAt is null))
        {
            return null;
        }

        var views = discovery.Clusters.Select(c => RingView.Of(c.Seed, c.Topology.Nodes)).ToList();
        var seeds = string.Join(", ", discovery.Clusters.Select(c => c.Seed));
        return new RingReading(views, discovery.Clusters.Min(c => c.StatusSentAt!.Value), $"discovery on {seeds}");
    }
}
