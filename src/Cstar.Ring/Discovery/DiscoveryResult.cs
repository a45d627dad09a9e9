using System.Collections.Immutable;
using Cstar.Core.Topology;

namespace Cstar.Ring.Discovery;

/// <summary>
/// Everything discovery found: one entry per distinct cluster, the seeds that failed (with reasons) and
/// the seeds that were skipped because an already-found cluster contains them.
/// </summary>
public sealed record DiscoveryResult(
    ImmutableArray<DiscoveredCluster> Clusters,
    ImmutableArray<SeedFailure> SeedFailures,
    ImmutableArray<string> SkippedSeeds)
{
    public RingTopology Topology => new(Clusters.Select(c => c.Topology).ToImmutableArray());
}
