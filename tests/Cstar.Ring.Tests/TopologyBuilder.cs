using Cstar.Core.Topology;

namespace Cstar.Ring.Tests;

/// <summary>Small rings for host-selection and rendering tests.</summary>
internal static class TopologyBuilder
{
    public static Node Node(string address, string dc, string rack, string cluster = "prod", NodeStatus status = NodeStatus.Up, NodeState state = NodeState.Normal) =>
        new(address, cluster, dc, rack, status, state, Guid.Parse($"00000000-0000-0000-0000-{address.GetHashCode(StringComparison.Ordinal) & 0xffffff:x12}"), "1.5 GiB", 256, "4.1.3", "fa4f8bee-474a-3603-8b45-d12b53b619bf");

    public static RingTopology Ring(params Node[] nodes) =>
        new([.. nodes.GroupBy(n => n.Cluster).Select(g => ClusterTopology.Create(g.Key, g))]);

    /// <summary>Two DCs with racks named with spaces and dots, IPv4 and IPv6 nodes.</summary>
    public static RingTopology Mixed() => Ring(
        Node("10.0.0.1", "dc1", "rack 1"),
        Node("10.0.0.2", "dc1", "rack.2"),
        Node("2001:db8::1", "dc-2", "rack 1"),
        Node("2001:db8::2", "dc-2", "r-2"));
}
