using Cstar.Core.Scheduling;

namespace Cstar.Core.Topology;

/// <summary>
/// The one order in which cstar lists hosts (summaries, <c>jobs show</c>, errors, the plan, the views): cluster as
/// discovered, then DC, then rack, then address (numeric for IP literals: 10.0.0.2 before 10.0.0.10). Hosts the
/// ring does not know come last, by address. <i>Because</i> an operator reads a list of hosts against the ring.
/// </summary>
public sealed class HostOrder : IComparer<string>
{
    private readonly Dictionary<string, (int Cluster, string Dc, string Rack)> _placement = new(StringComparer.Ordinal);

    private HostOrder(RingTopology topology)
    {
        for (var c = 0; c < topology.Clusters.Length; c++)
        {
            foreach (var node in topology.Clusters[c].Nodes)
            {
                _placement.TryAdd(node.Address, (c, node.Datacenter, node.Rack));
            }
        }
    }

    /// <summary>By address only, for lists of hosts whose ring is not at hand.</summary>
    public static HostOrder ByAddress { get; } = new(RingTopology.Empty);

    public static HostOrder Of(RingTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        return new HostOrder(topology);
    }

    /// <summary>The hosts in this order.</summary>
    public IEnumerable<string> Sort(IEnumerable<string> hosts) => hosts.Order(this);

    public int Compare(string? x, string? y)
    {
        var known = (x is not null && _placement.ContainsKey(x)).CompareTo(y is not null && _placement.ContainsKey(y));
        if (known != 0)
        {
            return -known;
        }

        if (x is not null && y is not null && _placement.TryGetValue(x, out var a) && _placement.TryGetValue(y, out var b))
        {
            var byPlace = a.Cluster != b.Cluster ? a.Cluster.CompareTo(b.Cluster)
                : string.CompareOrdinal(a.Dc, b.Dc) is var dc and not 0 ? dc
                : string.CompareOrdinal(a.Rack, b.Rack);
            if (byPlace != 0)
            {
                return byPlace;
            }
        }

        return AddressComparer.Instance.Compare(x, y);
    }
}
