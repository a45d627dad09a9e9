using System.Collections.Immutable;
using Cstar.Core.Health;

namespace Cstar.Ring.Discovery;

/// <summary>
/// Discovery's reading as ring views for the job's first ring check: per cluster, the seed's nodetool status with the
/// schema versions of the seed's describecluster (sent at the same moment) and the release versions discovery knows
/// (every node's on 4.0+, the seed's own on 2.x/3.x), as the check's own read would give them. Null when a cluster's
/// read time is unknown.
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

        var views = discovery.Clusters.Select(c => RingView.Of(c.Seed, c.Topology.Nodes) with
        {
            SchemaVersions = c.Description.SchemaVersions,
            ReleaseVersions = c.Topology.Nodes.Where(n => n.CassandraVersion is not null)
                .ToImmutableDictionary(n => n.Address, n => n.CassandraVersion!, StringComparer.Ordinal),
        }).ToList();
        var seeds = string.Join(", ", discovery.Clusters.Select(c => c.Seed));
        return new RingReading(views, discovery.Clusters.Min(c => c.StatusSentAt!.Value), $"discovery on {seeds}");
    }
}
