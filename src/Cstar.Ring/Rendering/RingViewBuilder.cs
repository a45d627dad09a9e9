using System.Net;
using Cstar.Core.Topology;
using Cstar.Ring.Parsing;

namespace Cstar.Ring.Rendering;

/// <summary>Groups a topology into the cluster → DC → rack → host tree that both renderings show, in a stable order.</summary>
public static class RingViewBuilder
{
    public static RingView Build(RingTopology ring)
    {
        ArgumentNullException.ThrowIfNull(ring);
        return new RingView(ring.Clusters.Select(BuildCluster).ToList());
    }

    private static ClusterView BuildCluster(ClusterTopology cluster)
    {
        var datacenters = cluster.Nodes
            .GroupBy(n => n.Datacenter, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(dc => new DatacenterView(
                dc.Key,
                dc.Count(),
                dc.GroupBy(n => n.Rack, StringComparer.Ordinal)
                    .OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(rack => new RackView(rack.Key, rack.OrderBy(n => n.Address, AddressComparer.Instance).Select(Host).ToList()))
                    .ToList()))
            .ToList();
        var versions = cluster.SchemaVersions.Keys.Order(StringComparer.Ordinal).ToList();
        return new ClusterView(cluster.Name, cluster.Nodes.Length, versions, datacenters);
    }

    private static HostView Host(Node node) =>
        new(node.Address, node.StateCode, node.Status == NodeStatus.Up, node.Load, node.HostId?.ToString(), node.TokenCount, node.CassandraVersion, node.SchemaVersion);

    /// <summary>Numeric order for IP addresses (127.0.0.2 before 127.0.0.10), names after them.</summary>
    private sealed class AddressComparer : IComparer<string>
    {
        public static AddressComparer Instance { get; } = new();

        public int Compare(string? x, string? y)
        {
            var a = x is null ? null : NodeAddress.ToIpAddress(x);
            var b = y is null ? null : NodeAddress.ToIpAddress(y);
            if (a is null || b is null)
            {
                return a is null == b is null ? string.CompareOrdinal(x, y) : a is null ? 1 : -1;
            }

            var bytesA = a.GetAddressBytes();
            var bytesB = b.GetAddressBytes();
            return bytesA.Length != bytesB.Length ? bytesA.Length.CompareTo(bytesB.Length) : bytesA.AsSpan().SequenceCompareTo(bytesB);
        }
    }
}
