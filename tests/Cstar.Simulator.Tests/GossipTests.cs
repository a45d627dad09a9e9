using Cstar.Core.Topology;
using Cstar.Simulator.Spec;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Simulator.Tests;

public sealed class GossipTests
{
    private readonly ManualClock clock = new();

    [Fact]
    public void A_restarted_node_becomes_up_in_each_peers_view_after_that_peers_own_delay()
    {
        var ring = Ring(nodes: 10);
        ring.StopCassandra("127.0.0.1");
        clock.Advance(TimeSpan.FromSeconds(31));
        Peers().Should().OnlyContain(p => !ring.SeesUp(p, "127.0.0.1"));

        ring.StartCassandra("127.0.0.1", TimeSpan.FromSeconds(5));
        var firstSeenUp = new Dictionary<string, int>();
        for (var second = 0; second <= 40; second++)
        {
            foreach (var peer in Peers().Where(p => !firstSeenUp.ContainsKey(p) && ring.SeesUp(p, "127.0.0.1")))
            {
                firstSeenUp[peer] = second;
            }

            clock.Advance(TimeSpan.FromSeconds(1));
        }

        firstSeenUp.Should().HaveCount(9);
        firstSeenUp.Values.Should().OnlyContain(s => s >= 6 && s <= 36, "each peer notices after the 5 s start plus its 1-30 s delay");
        firstSeenUp.Values.Distinct().Should().HaveCountGreaterThan(3, "peers do not all notice at once");
    }

    [Fact]
    public void A_peers_status_shows_the_restarted_node_DN_until_its_own_delay_has_passed()
    {
        var ring = Ring(nodes: 3);
        ring.SetGossipDelay("127.0.0.2", "127.0.0.1", TimeSpan.FromSeconds(8));
        ring.StopCassandra("127.0.0.1");
        clock.Advance(TimeSpan.FromSeconds(7));
        Row(ring, "127.0.0.2", "127.0.0.1").Should().StartWith("UN", "node2 has not noticed yet");
        clock.Advance(TimeSpan.FromSeconds(2));
        Row(ring, "127.0.0.2", "127.0.0.1").Should().StartWith("DN");

        ring.StartCassandra("127.0.0.1", TimeSpan.FromSeconds(3));
        clock.Advance(TimeSpan.FromSeconds(10));
        Row(ring, "127.0.0.2", "127.0.0.1").Should().StartWith("DN", "3 s start + 8 s delay = 11 s");
        clock.Advance(TimeSpan.FromSeconds(1));
        Row(ring, "127.0.0.2", "127.0.0.1").Should().StartWith("UN");
    }

    [Fact]
    public void A_starting_node_refuses_nodetool_and_cql_until_its_start_delay_has_passed()
    {
        var ring = Ring(nodes: 3);
        ring.StopCassandra("127.0.0.3");
        ring.StartCassandra("127.0.0.3", TimeSpan.FromSeconds(20));
        clock.Advance(TimeSpan.FromSeconds(19));

        ring.RunNodetool("127.0.0.3", ["status"]).ExitCode.Should().Be(1);
        ring.IsNativeTransportUp("127.0.0.3").Should().BeFalse();

        clock.Advance(TimeSpan.FromSeconds(1));
        ring.RunNodetool("127.0.0.3", ["status"]).ExitCode.Should().Be(0);
        ring.IsNativeTransportUp("127.0.0.3").Should().BeTrue();
        ring.RunNodetool("127.0.0.3", ["info"]).StandardOutput.Should().Contain("Uptime (seconds)       : 0\n");
    }

    [Fact]
    public void A_drained_node_says_so_itself_and_goes_down_in_its_peers_views()
    {
        var ring = Ring(nodes: 3);

        ring.RunNodetool("127.0.0.2", ["drain"]).ExitCode.Should().Be(0);

        ring.RunNodetool("127.0.0.2", ["netstats"]).StandardOutput.Should().StartWith("Mode: DRAINED\n");
        ring.RunNodetool("127.0.0.2", ["statusbinary"]).StandardOutput.Should().Be("not running\n");
        ring.RunNodetool("127.0.0.2", ["statusgossip"]).StandardOutput.Should().Be("not running\n");
        ring.RunNodetool("127.0.0.2", ["info"]).StandardOutput.Should().Contain("Gossip active          : false\n").And.Contain("Native Transport active: false\n");
        ring.IsNativeTransportUp("127.0.0.2").Should().BeFalse();
        clock.Advance(TimeSpan.FromSeconds(31));
        Row(ring, "127.0.0.1", "127.0.0.2").Should().StartWith("DN");
        Row(ring, "127.0.0.2", "127.0.0.2").Should().StartWith("UN", "a node always lists itself as up");
    }

    [Theory]
    [InlineData(NodeState.Joining, "UJ", "Joining")]
    [InlineData(NodeState.Leaving, "UL", "Leaving")]
    [InlineData(NodeState.Moving, "UM", "Moving")]
    public void Ring_states_show_in_status_and_ring(NodeState state, string code, string ringState)
    {
        var ring = Ring(nodes: 3);

        ring.SetRingState("127.0.0.3", state);

        Row(ring, "127.0.0.1", "127.0.0.3").Should().StartWith(code);
        ring.RunNodetool("127.0.0.1", ["ring"]).StandardOutput.Split('\n')
            .Where(l => l.StartsWith("127.0.0.3 ", StringComparison.Ordinal)).Should().OnlyContain(l => l.Contains(" Up     " + ringState.PadRight(8)));
    }

    [Fact]
    public void A_rolling_upgrade_shows_two_schema_versions_and_two_database_versions()
    {
        var ring = Ring(nodes: 3, version: "3.11.10");

        ring.StopCassandra("127.0.0.3");
        ring.UpgradeNode("127.0.0.3", "4.0.11");
        ring.StartCassandra("127.0.0.3", TimeSpan.Zero);
        clock.Advance(TimeSpan.FromSeconds(31));

        var fromOld = ring.RunNodetool("127.0.0.1", ["describecluster"]).StandardOutput;
        fromOld.Split('\n').Count(l => l.StartsWith("\t\t", StringComparison.Ordinal)).Should().Be(2);
        fromOld.Should().NotContain("Database versions:", "3.11 has no such section");
        var fromNew = ring.RunNodetool("127.0.0.3", ["describecluster"]).StandardOutput;
        fromNew.Should().Contain("\t3.11.10: [").And.Contain("\t4.0.11: [127.0.0.3:7000]\n");
        ring.RunNodetool("127.0.0.3", ["version"]).StandardOutput.Should().Be("ReleaseVersion: 4.0.11\n");
        ring.Nodes.Single(n => n.Address == "127.0.0.3").CassandraVersion.Should().Be("4.0.11");
    }

    [Fact]
    public void A_split_schema_shows_two_versions_of_one_release_until_the_node_restarts()
    {
        var ring = Ring(nodes: 3, version: "4.0.11");
        static int Versions(string describecluster) => describecluster.Split('\n').Count(l => l.StartsWith("\t\t", StringComparison.Ordinal));

        ring.SplitSchema("127.0.0.3");
        var split = ring.RunNodetool("127.0.0.1", ["describecluster"]).StandardOutput;
        ring.StopCassandra("127.0.0.3");
        ring.StartCassandra("127.0.0.3", TimeSpan.Zero);
        clock.Advance(TimeSpan.FromSeconds(31));
        var healed = ring.RunNodetool("127.0.0.1", ["describecluster"]).StandardOutput;

        Versions(split).Should().Be(2);
        split.Should().Contain(": [127.0.0.3]\n").And.Contain("\t4.0.11: [", "one release: no rolling upgrade explains the split");
        Versions(healed).Should().Be(1, "a starting node pulls the schema its peers gossip");
    }

    [Fact]
    public void Pending_compactions_rise_and_drain_over_time()
    {
        var ring = Ring(nodes: 3);

        ring.AddPendingCompactions("127.0.0.1", 10, tasksPerSecond: 1);
        Pending(ring).Should().Be(10);
        clock.Advance(TimeSpan.FromSeconds(4));
        Pending(ring).Should().Be(6);
        ring.RunNodetool("127.0.0.1", ["flush"]);
        Pending(ring).Should().Be(7);
        clock.Advance(TimeSpan.FromSeconds(60));
        Pending(ring).Should().Be(0);
    }

    [Fact]
    public void A_powered_off_host_takes_cassandra_with_it_and_restarts_it_on_power_on()
    {
        var ring = Ring(nodes: 3);

        ring.PowerOff("127.0.0.2");
        ring.IsHostUp("127.0.0.2").Should().BeFalse();
        ring.RunNodetool("127.0.0.2", ["info"]).ExitCode.Should().Be(1);
        var start = () => ring.StartCassandra("127.0.0.2", TimeSpan.Zero);
        start.Should().Throw<InvalidOperationException>();

        ring.PowerOn("127.0.0.2", TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromSeconds(29));
        ring.IsNativeTransportUp("127.0.0.2").Should().BeFalse();
        clock.Advance(TimeSpan.FromSeconds(1));
        ring.IsNativeTransportUp("127.0.0.2").Should().BeTrue();
    }

    [Fact]
    public void Gossip_delays_are_deterministic_for_a_seed()
    {
        static List<bool> Observe(ManualClock clock)
        {
            var ring = new SimulatedRing(RingBuilder.Create().WithGeneratedNodes(6, 1, 1, 4, seed: 3).WithGossipDelay(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)).Build(), clock);
            ring.StopCassandra("127.0.0.1");
            clock.Advance(TimeSpan.FromSeconds(12));
            return [.. Enumerable.Range(2, 5).Select(i => ring.SeesUp("127.0.0." + i, "127.0.0.1"))];
        }

        Observe(new ManualClock()).Should().Equal(Observe(new ManualClock()));
    }

    private static int Pending(SimulatedRing ring)
    {
        var line = ring.RunNodetool("127.0.0.1", ["compactionstats"]).StandardOutput.Split('\n')[0];
        return int.Parse(line["pending tasks: ".Length..]);
    }

    private SimulatedRing Ring(int nodes, string version = "4.0.11") => new(
        RingBuilder.Create().WithGeneratedNodes(nodes, 2, 2, 16, seed: 11, version).WithGossipDelay(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)).Build(),
        clock);

    private static IEnumerable<string> Peers() => Enumerable.Range(2, 9).Select(i => "127.0.0." + i);

    private static string Row(SimulatedRing ring, string viewer, string subject) =>
        ring.RunNodetool(viewer, ["status"]).StandardOutput.Split('\n').Single(l => l.Contains("  " + subject + "  ", StringComparison.Ordinal));
}
