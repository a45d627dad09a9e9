using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Loopback;

/// <summary>Cassandra stop/start/restart/drain, from the fixture and from inside a host's own session.</summary>
[Trait("Category", "Loopback")]
public sealed class CassandraControlTests
{
    private const string Refused = "nodetool: Failed to connect";

    private static Task<LoopbackCluster> StartAsync(ManualClock clock) =>
        LoopbackCluster.StartAsync(new LoopbackClusterOptions { Hosts = 3, Time = clock, RingFactory = spec => new StubSimulatedRing(spec.Nodes, clock) });

    [SkippableFact(Timeout = 60_000)]
    public async Task Stop_and_a_delayed_start_from_the_fixture_are_visible_through_nodetool()
    {
        var clock = new ManualClock();
        await using var cluster = await StartAsync(clock);
        var (node, peer) = (cluster.Addresses[0], cluster.Addresses[1]);

        cluster.StopCassandra(node);
        var whileStopped = await cluster.SshAsync(node, "nodetool status");
        var peerView = await cluster.SshAsync(peer, "nodetool status");
        cluster.StartCassandra(node, TimeSpan.FromSeconds(30));
        var whileStarting = await cluster.SshAsync(node, "nodetool statusbinary");
        clock.Advance(TimeSpan.FromSeconds(30));
        var started = await cluster.SshAsync(node, "nodetool statusbinary");

        whileStopped.ExitCode.Should().Be(1);
        whileStopped.StandardError.Should().StartWith(Refused);
        peerView.StandardOutput.Should().Contain($"DN  {node} ");
        whileStarting.StandardError.Should().StartWith(Refused);
        started.StandardOutput.Should().Be("running\n");
    }

    [SkippableFact(Timeout = 60_000)]
    public async Task Sudo_service_cassandra_inside_a_session_stops_and_restarts_that_node()
    {
        var clock = new ManualClock();
        await using var cluster = await StartAsync(clock);
        var node = cluster.Addresses[2];

        var stop = await cluster.SshAsync(node, "sudo service cassandra stop && nodetool status");
        var restart = await cluster.SshAsync(node, "sudo -n service cassandra restart && systemctl restart cassandra && nodetool statusbinary");
        var other = await cluster.SshAsync(node, "service apache2 stop");

        stop.StandardOutput.Should().Contain($"{node}: cassandra stopped");
        stop.StandardError.Should().StartWith(Refused);
        restart.ExitCode.Should().Be(0, restart.StandardError);
        restart.StandardOutput.Should().EndWith("running\n");
        other.ExitCode.Should().Be(1);
        var ring = (StubSimulatedRing)cluster.Ring;
        ring.Calls.Should().Equal($"stop {node}", $"stop {node}", $"start {node} 0s", $"stop {node}", $"start {node} 0s");
    }

    [SkippableFact(Timeout = 60_000)]
    public async Task Drain_takes_the_binary_protocol_and_the_cql_port_down_until_a_restart()
    {
        var clock = new ManualClock();
        await using var cluster = await StartAsync(clock);
        var node = cluster.Addresses[1];

        cluster.Drain(node);
        var drained = await cluster.SshAsync(node, "nodetool statusbinary");
        var cqlWhileDrained = await CqlProbe.OptionsAsync(node, cluster.CqlPort, TimeSpan.FromSeconds(10));
        cluster.RestartCassandra(node, TimeSpan.FromSeconds(5));
        var cqlWhileStarting = await CqlProbe.OptionsAsync(node, cluster.CqlPort, TimeSpan.FromSeconds(10));
        clock.Advance(TimeSpan.FromSeconds(5));
        var cqlAfter = await CqlProbe.OptionsAsync(node, cluster.CqlPort, TimeSpan.FromSeconds(10));

        drained.StandardOutput.Should().Be("not running\n");
        cqlWhileDrained.Should().BeNull("a drained node does not serve CQL");
        cqlWhileStarting.Should().BeNull("the node serves only after its start delay");
        cqlAfter.Should().NotBeNull().And.ContainKey("PROTOCOL_VERSIONS");
    }

    [SkippableFact(Timeout = 60_000)]
    public async Task The_cql_port_resets_a_connection_accepted_while_cassandra_is_stopped()
    {
        var clock = new ManualClock();
        await using var cluster = await StartAsync(clock);
        var node = cluster.Addresses[0];
        var before = await CqlProbe.OptionsAsync(node, cluster.CqlPort, TimeSpan.FromSeconds(10));

        cluster.StopCassandra(node);
        var stopped = await CqlProbe.OptionsAsync(node, cluster.CqlPort, TimeSpan.FromSeconds(10));
        var peer = await CqlProbe.OptionsAsync(cluster.Addresses[1], cluster.CqlPort, TimeSpan.FromSeconds(10));

        before.Should().NotBeNull();
        stopped.Should().BeNull();
        peer.Should().NotBeNull("only the stopped node's port goes down");
    }
}
