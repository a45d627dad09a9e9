using Cstar.Core.Replication;
using Cstar.Core.Topology;
using Cstar.Ring.Describecluster;

namespace Cstar.Ring.Discovery;

/// <summary>One cluster as seen from <see cref="Seed"/>: its nodes, which nodes share data, and its describecluster.</summary>
public sealed record DiscoveredCluster(
    ClusterTopology Topology,
    ReplicaMap Replicas,
    string Seed,
    DescribeclusterOutput Description)
{
    /// <summary>When discovery sent the status read the topology comes from (null: not known, e.g. built by hand).</summary>
    public DateTimeOffset? StatusSentAt { get; init; }
}
