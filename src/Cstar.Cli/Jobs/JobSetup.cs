using System.Collections.Immutable;
using Cstar.Core.Replication;
using Cstar.Core.Scheduling;
using Cstar.Core.Topology;
using Cstar.Ring.Discovery;

namespace Cstar.Cli.Jobs;

/// <summary>
/// Everything a job needs before its first host starts: the discovered ring, the replica maps, the targets
/// (after --host/--host-file/--dc-filter/--rack-filter) and the scheduling context built from the policy.
/// </summary>
internal sealed record JobSetup(
    DiscoveryResult Discovery,
    ImmutableArray<Node> Targets,
    SchedulingContext Context)
{
    /// <summary>In <see cref="HostOrder"/>: the job stores them so, and <c>jobs show</c> and the summary list them so.</summary>
    public ImmutableArray<Node> Targets { get; } = [.. Targets.OrderBy(n => n.Address, Context.HostOrder)];

    public RingTopology Topology => Discovery.Topology;

    public IEnumerable<ReplicaMap> ReplicaMaps => Discovery.Clusters.Select(c => c.Replicas);

    /// <summary>Nodes the discovery view shows as not serving (not UN).</summary>
    public IEnumerable<string> DownNodes => Topology.AllNodes.Where(n => !n.IsUpNormal).Select(n => n.Address);
}
