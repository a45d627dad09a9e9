using Cstar.Core.Topology;
using Cstar.TestKit.Rings;
using FluentAssertions;
using Xunit;

namespace Cstar.Core.Tests.Topology;

public sealed class HostOrderTests
{
    [Fact]
    public void Hosts_are_ordered_by_dc_then_rack_then_numeric_address_and_unknown_hosts_come_last()
    {
        var ring = new RingTopology([ClusterTopology.Create("c1",
        [
            TestNodes.Up("10.0.0.9", "c1", "dc2", "r1"), TestNodes.Up("10.0.0.10", "c1", "dc1", "r2"),
            TestNodes.Up("10.0.0.7", "c1", "dc1", "r1"), TestNodes.Up("10.0.0.11", "c1", "dc1", "r1"),
            TestNodes.Up("10.0.0.1", "c1", "dc2", "r1"),
        ])]);

        var sorted = HostOrder.Of(ring).Sort(["10.0.0.9", "zeta", "10.0.0.10", "10.0.0.2", "10.0.0.11", "10.0.0.1", "10.0.0.7"]);

        sorted.Should().Equal("10.0.0.7", "10.0.0.11", "10.0.0.10", "10.0.0.1", "10.0.0.9", "10.0.0.2", "zeta");
    }

    [Fact]
    public void Without_a_ring_addresses_sort_numerically_with_ip_literals_before_names()
    {
        HostOrder.ByAddress.Sort(["cass-b", "127.0.0.10", "cass-a", "127.0.0.9", "127.0.0.1"])
            .Should().Equal("127.0.0.1", "127.0.0.9", "127.0.0.10", "cass-a", "cass-b");
    }
}
