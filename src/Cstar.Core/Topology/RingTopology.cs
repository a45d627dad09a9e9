using System.Collections.Immutable;

namespace Cstar.Core.Topology;

/// <summary>Every cluster a job touches. Clusters are told apart by name and host ids.</summary>
public sealed record RingTopology(ImmutableArray<ClusterTopology> Clusters)
{
    public static RingTopology Empty { get; } = new(ImmutableArray<ClusterTopology>.Empty);

    public IEnumerable<Node> AllNodes => Clusters.SelectMany(c => c.Nodes);

    public Node? Find(string address) => AllNodes.FirstOrDefault(n => string.Equals(n.Address, address, StringComparison.Ordinal));
}
