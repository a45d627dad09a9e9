using Cstar.Core.Errors;
using Cstar.Core.Ports;
using Cstar.Core.Replication;
using Cstar.Core.Topology;
using Cstar.Ring.Discovery;
using Cstar.TestKit;
using FluentAssertions;
using Xunit;

namespace Cstar.Ring.Tests;

public sealed class DiscoveryCrossCheckTests
{
    private static Task<DiscoveryResult> Discover(FakeTransport transport, params string[] seeds) =>
        Discover(transport, new DiscoveryOptions([.. seeds]));

    private static async Task<DiscoveryResult> Discover(FakeTransport transport, DiscoveryOptions options)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await new RingDiscovery(transport).DiscoverAsync(options, timeout.Token);
    }

    [Fact]
    public async Task A_4_0_node_count_that_disagrees_with_status_is_an_error()
    {
        var transport = new FakeTransport().Node40("127.0.0.1", status: "status-UJ-node2-joining.txt");

        var act = () => Discover(transport, "127.0.0.1");

        await act.Should().ThrowAsync<CstarException>().WithMessage("*Node count mismatch on seed 127.0.0.1*dc2: status lists 0 node(s), describecluster counts 1*");
    }

    [Fact]
    public async Task A_4_0_count_that_leaves_out_joining_nodes_is_accepted()
    {
        var description = Fixtures.RealNodetool("4.0-alpha4", "describecluster.txt").Replace("dc2 #Nodes: 1", "dc2 #Nodes: 0", StringComparison.Ordinal);
        var transport = new FakeTransport().Node40("127.0.0.1", status: "status-UJ-node3-joining-dc2.txt")
            .Answer("127.0.0.1", "nodetool describecluster", description);

        var result = await Discover(transport, new DiscoveryOptions(["127.0.0.1"]) { Keyspace = "acc_nts" });

        result.Clusters.Single().Topology.Find("127.0.0.3")!.StateCode.Should().Be("UJ");
    }

    [Fact]
    public async Task A_4_0_count_that_exceeds_status_is_an_error()
    {
        var description = Fixtures.RealNodetool("4.0-alpha4", "describecluster.txt").Replace("dc1 #Nodes: 2", "dc1 #Nodes: 3", StringComparison.Ordinal);
        var transport = new FakeTransport().Node40("127.0.0.1").Answer("127.0.0.1", "nodetool describecluster", description);

        var act = () => Discover(transport, "127.0.0.1");

        await act.Should().ThrowAsync<CstarException>().WithMessage("*dc1: status lists 2 node(s), describecluster counts 3*");
    }

    [Fact]
    public async Task A_replica_missing_from_status_is_an_error_not_a_dropped_node()
    {
        var status = Fixtures.RealNodetool("3.11.10", "status.txt");
        var withoutNode3 = status[..status.IndexOf("Datacenter: dc2", StringComparison.Ordinal)];
        var transport = new FakeTransport().Node311("127.0.0.1").Answer("127.0.0.1", "nodetool status", withoutNode3);

        var act = () => Discover(transport, "127.0.0.1");

        await act.Should().ThrowAsync<CstarException>().WithMessage("*describering system_traces' names 127.0.0.3, which 'nodetool status' does not list*");
    }

    [Fact]
    public async Task Joining_nodes_are_kept_and_not_required_as_replicas()
    {
        var transport = new FakeTransport().Node311("127.0.0.1", status: "status-UJ-node3-joining-dc2.txt");

        var result = await Discover(transport, new DiscoveryOptions(["127.0.0.1"]) { Keyspace = "system_auth" });

        result.Clusters.Single().Topology.Find("127.0.0.3")!.State.Should().Be(NodeState.Joining);
    }
}
