using System.Collections.Immutable;
using System.Globalization;
using Cstar.Core.Replication;
using Cstar.Core.Topology;

namespace Cstar.Benchmarks;

/// <summary>Random-token ring with SimpleStrategy and a rack-aware NTS walk (simplified), for benchmarks.</summary>
internal sealed class BenchRing
{
    private readonly (long Token, int Node)[] _ring;
    private readonly Node[] _nodes;
    private readonly string[] _tokens;

    private BenchRing(Node[] nodes, (long, int)[] ring)
    {
        _nodes = nodes;
        _ring = ring;
        _tokens = ring.Select(t => t.Item1.ToString(CultureInfo.InvariantCulture)).ToArray();
    }

    public int RangeCount => _ring.Length;

    public static BenchRing Build(Node[] nodes, int vnodes, Random random)
    {
        var ring = new List<(long, int)>(nodes.Length * vnodes);
        for (var n = 0; n < nodes.Length; n++)
        {
            for (var v = 0; v < vnodes; v++)
            {
                ring.Add((random.NextInt64(long.MinValue, long.MaxValue), n));
            }
        }

        return new BenchRing(nodes, [.. ring.OrderBy(t => t.Item1)]);
    }

    public ImmutableArray<TokenRange> PlaceSimple(int rf) => Place(i => Walk(i, rf, _ => true, rackAware: false));

    public ImmutableArray<TokenRange> PlaceNts(int rf) => Place(i =>
    {
        var result = new List<int>();
        foreach (var dc in _nodes.Select(n => n.Datacenter).Distinct())
        {
            result.AddRange(Walk(i, rf, n => _nodes[n].Datacenter == dc, rackAware: true));
        }

        return result;
    });

    private ImmutableArray<TokenRange> Place(Func<int, List<int>> replicas)
    {
        var ranges = ImmutableArray.CreateBuilder<TokenRange>(_ring.Length);
        for (var i = 0; i < _ring.Length; i++)
        {
            ranges.Add(new TokenRange(_tokens[(i + _ring.Length - 1) % _ring.Length], _tokens[i], [.. replicas(i).Select(r => _nodes[r].Address)]));
        }

        return ranges.MoveToImmutable();
    }

    private List<int> Walk(int first, int rf, Func<int, bool> inScope, bool rackAware)
    {
        var chosen = new List<int>(rf);
        var racks = new HashSet<string>();
        var skipped = new List<int>();
        for (var k = 0; k < _ring.Length && chosen.Count < rf; k++)
        {
            var node = _ring[(first + k) % _ring.Length].Node;
            if (!inScope(node) || chosen.Contains(node) || skipped.Contains(node))
            {
                continue;
            }

            if (!rackAware || racks.Add(_nodes[node].Rack))
            {
                chosen.Add(node);
            }
            else if (racks.Count >= 3)
            {
                chosen.Add(node);
            }
            else
            {
                skipped.Add(node);
            }

            if (rackAware && racks.Count >= 3 && skipped.Count > 0 && chosen.Count < rf)
            {
                chosen.AddRange(skipped.Take(rf - chosen.Count));
                skipped.Clear();
            }
        }

        return chosen;
    }
}
