using System.Collections.Immutable;
using System.Globalization;
using Cstar.Core.Replication;
using Cstar.Core.Topology;

namespace Cstar.TestKit.Rings;

/// <summary>
/// A small Cassandra-like replica placement for tests: random (Murmur3-like, full long range) tokens per
/// node, SimpleStrategy = next distinct nodes clockwise, NetworkTopologyStrategy = per DC clockwise walk
/// preferring unseen racks, then the skipped nodes once every rack is seen (Cassandra's algorithm).
/// </summary>
public sealed class TokenPlacement
{
    private readonly (long Token, int Node)[] _ring;
    private readonly Node[] _nodes;
    private readonly Dictionary<string, (int Nodes, int Racks)> _dcShape;

    public TokenPlacement(IReadOnlyList<Node> nodes, int vnodes, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        _nodes = [.. nodes];
        var used = new HashSet<long>();
        var ring = new List<(long, int)>();
        for (var n = 0; n < _nodes.Length; n++)
        {
            for (var v = 0; v < vnodes; v++)
            {
                long token;
                do
                {
                    token = random.NextInt64(long.MinValue, long.MaxValue);
                }
                while (!used.Add(token));
                ring.Add((token, n));
            }
        }

        _ring = [.. ring.OrderBy(t => t.Item1)];
        _dcShape = _nodes.GroupBy(n => n.Datacenter).ToDictionary(g => g.Key, g => (g.Count(), g.Select(n => n.Rack).Distinct().Count()));
    }

    public int RangeCount => _ring.Length;

    public KeyspaceReplicas Place(KeyspaceDefinition keyspace)
    {
        ArgumentNullException.ThrowIfNull(keyspace);
        var ranges = ImmutableArray.CreateBuilder<TokenRange>(_ring.Length);
        for (var i = 0; i < _ring.Length; i++)
        {
            var start = _ring[(i + _ring.Length - 1) % _ring.Length].Token.ToString(CultureInfo.InvariantCulture);
            var end = _ring[i].Token.ToString(CultureInfo.InvariantCulture);
            var replicas = keyspace.Class == ReplicationClass.Simple ? SimpleReplicas(i, keyspace.FactorFor(string.Empty)) : NtsReplicas(i, keyspace);
            ranges.Add(new TokenRange(start, end, [.. replicas.Select(r => _nodes[r].Address)]));
        }

        return new KeyspaceReplicas(keyspace, ranges.MoveToImmutable());
    }

    private List<int> SimpleReplicas(int first, int rf)
    {
        var result = new List<int>();
        for (var k = 0; k < _ring.Length && result.Count < Math.Min(rf, _nodes.Length); k++)
        {
            var node = _ring[(first + k) % _ring.Length].Node;
            if (!result.Contains(node))
            {
                result.Add(node);
            }
        }

        return result;
    }

    private List<int> NtsReplicas(int first, KeyspaceDefinition keyspace)
    {
        var result = new List<int>();
        foreach (var (dc, rf) in keyspace.ReplicationFactors)
        {
            if (!_dcShape.TryGetValue(dc, out var shape))
            {
                continue;
            }

            var want = Math.Min(rf, shape.Nodes);
            var totalRacks = shape.Racks;
            var chosen = new List<int>();
            var racks = new HashSet<string>();
            var skipped = new List<int>();
            for (var k = 0; k < _ring.Length && chosen.Count < want; k++)
            {
                var node = _ring[(first + k) % _ring.Length].Node;
                if (_nodes[node].Datacenter != dc || chosen.Contains(node) || skipped.Contains(node))
                {
                    continue;
                }

                if (racks.Count == totalRacks)
                {
                    chosen.Add(node);
                }
                else if (racks.Add(_nodes[node].Rack))
                {
                    chosen.Add(node);
                    if (racks.Count == totalRacks)
                    {
                        chosen.AddRange(skipped.Take(want - chosen.Count));
                    }
                }
                else
                {
                    skipped.Add(node);
                }
            }

            result.AddRange(chosen.Take(want));
        }

        return result;
    }
}
