using System.Collections.Immutable;

namespace Cstar.Core.Topology;

/// <summary>
/// One cluster as discovered from a seed: its name, its nodes, and the schema versions its
/// describecluster reported (version → addresses), with the unreachable nodes under "UNREACHABLE".
/// </summary>
public sealed record ClusterTopology(
    string Name,
    ImmutableArray<Node> Nodes,
    ImmutableDictionary<string, ImmutableArray<string>> SchemaVersions)
{
    public static ClusterTopology Create(string name, IEnumerable<Node> nodes) =>
        new(name, nodes.ToImmutableArray(), ImmutableDictionary<string, ImmutableArray<string>>.Empty);

    public IEnumerable<string> Datacenters => Nodes.Select(n => n.Datacenter).Distinct(StringComparer.Ordinal);

    public Node? Find(string address) => Nodes.FirstOrDefault(n => string.Equals(n.Address, address, StringComparison.Ordinal));
}
