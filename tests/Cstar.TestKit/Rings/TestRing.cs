using System.Collections.Immutable;
using System.Globalization;
using Cstar.Core.Replication;
using Cstar.Core.Topology;

namespace Cstar.TestKit.Rings;

/// <summary>
/// A one-cluster ring for rule tests: nodes "10.0.0.N" with given DCs and racks, keyspaces placed either
/// with <see cref="TokenPlacement"/> (vnodes) or with explicit replica lists per range.
/// </summary>
public sealed class TestRing
{
    public const string Cluster = "test";

    private readonly List<Node> _nodes = [];
    private readonly List<KeyspaceReplicas> _keyspaces = [];

    public IReadOnlyList<Node> Nodes => _nodes;

    public IEnumerable<string> Addresses => _nodes.Select(n => n.Address);

    public RingTopology Topology => new([ClusterTopology.Create(Cluster, _nodes)]);

    public ReplicaMap Map => new(Cluster, [.. _keyspaces]);

    public static string Address(int n) => string.Create(CultureInfo.InvariantCulture, $"10.0.0.{n}");

    /// <summary>Adds nodes 1..count (continuing the numbering) in <paramref name="dc"/>, racks assigned round-robin.</summary>
    public TestRing WithNodes(int count, string dc = "dc1", int racks = 1)
    {
        for (var i = 0; i < count; i++)
        {
            _nodes.Add(TestNodes.Up(Address(_nodes.Count + 1), Cluster, dc, $"r{(i % racks) + 1}"));
        }

        return this;
    }

    public TestRing WithPlacedKeyspace(KeyspaceDefinition keyspace, int vnodes = 16, int seed = 1)
    {
        _keyspaces.Add(new TokenPlacement(_nodes, vnodes, new Random(seed)).Place(keyspace));
        return this;
    }

    /// <summary>Each entry lists the node numbers (1-based) replicating one range.</summary>
    public TestRing WithKeyspace(KeyspaceDefinition keyspace, params int[][] ranges)
    {
        _keyspaces.Add(new KeyspaceReplicas(keyspace, [.. ranges.Select((r, i) => new TokenRange(
            (i * 10).ToString(CultureInfo.InvariantCulture), ((i + 1) * 10).ToString(CultureInfo.InvariantCulture), [.. r.Select(Address)]))]));
        return this;
    }

    public static KeyspaceDefinition Nts(string name, params (string Dc, int Rf)[] factors) =>
        KeyspaceDefinition.NetworkTopology(name, factors.Select(f => new KeyValuePair<string, int>(f.Dc, f.Rf)));

    public ImmutableArray<string> InDc(string dc) => [.. _nodes.Where(n => n.Datacenter == dc).Select(n => n.Address)];
}
