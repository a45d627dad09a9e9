using System.Collections.Immutable;
using Cstar.Core.Topology;

namespace Cstar.Core.Health;

/// <summary>
/// What one node (the viewer) reported: its nodetool status (nodes with their states), its describecluster
/// schema versions (version → addresses, unreachable nodes under "UNREACHABLE") and the Cassandra release
/// version of each node (address → e.g. "4.0.11"). Gossip views differ between nodes, so rules read several.
/// </summary>
public sealed record RingView(
    string Viewer,
    ImmutableArray<Node> Nodes,
    ImmutableDictionary<string, ImmutableArray<string>> SchemaVersions,
    ImmutableDictionary<string, string> ReleaseVersions)
{
    public const string Unreachable = "UNREACHABLE";

    public static RingView Of(string viewer, IEnumerable<Node> nodes) => new(
        viewer,
        [.. nodes],
        ImmutableDictionary.Create<string, ImmutableArray<string>>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, string>(StringComparer.Ordinal));

    public Node? Find(string address) => Nodes.FirstOrDefault(n => string.Equals(n.Address, address, StringComparison.Ordinal));
}
