using System.Text.RegularExpressions;
using Cstar.Simulator.Host.Ring;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Loopback;

/// <summary>The real ring model behind real sshd hosts: what cstar will see when it logs in to a node.</summary>
[Trait("Category", "Loopback")]
public sealed class RealRingOverSshTests
{
    private static Task<LoopbackCluster> StartAsync(ManualClock clock, string version) =>
        LoopbackCluster.StartAsync(new LoopbackClusterOptions
        {
            Hosts = 6,
            Datacenters = 2,
            Racks = 3,
            CassandraVersion = version,
            Time = clock,
            RingFactory = StandardRingFactory.Create(clock),
        });

    [SkippableTheory(Timeout = 120_000)]
    [InlineData("4.0", "--  Address")]
    [InlineData("3.11", "Tokens       Owns")]
    public async Task Every_host_answers_nodetool_status_for_the_whole_ring_in_its_versions_format(string version, string headerMark)
    {
        var clock = new ManualClock();
        await using var cluster = await StartAsync(clock, version);

        var status = await cluster.SshAsync(cluster.Addresses[0], "nodetool status");
        var hostname = await cluster.SshAsync(cluster.Addresses[4], "hostname");

        status.ExitCode.Should().Be(0, status.StandardError);
        status.StandardOutput.Should().Contain("Datacenter: dc1").And.Contain("Datacenter: dc2").And.Contain(headerMark);
        foreach (var address in cluster.Addresses)
        {
            status.StandardOutput.Should().MatchRegex($@"(?m)^UN  {Regex.Escape(address)} ");
        }

        hostname.StandardOutput.Trim().Should().Be(cluster.Nodes[4].HostName);
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task A_stopped_node_fails_its_own_nodetool_and_turns_DN_in_its_peers_views_after_their_gossip_delay()
    {
        var clock = new ManualClock();
        await using var cluster = await StartAsync(clock, "4.0");
        var (node, peer) = (cluster.Addresses[2], cluster.Addresses[0]);

        await cluster.SshAsync(node, "sudo service cassandra stop");
        var own = await cluster.SshAsync(node, "nodetool status");
        clock.Advance(TimeSpan.FromSeconds(3));
        var peerView = await cluster.SshAsync(peer, "nodetool status");
        var describe = await cluster.SshAsync(peer, "nodetool describecluster");

        own.ExitCode.Should().Be(1);
        own.StandardError.Should().StartWith("nodetool: Failed to connect");
        peerView.StandardOutput.Should().MatchRegex($@"(?m)^DN  {Regex.Escape(node)} ");
        describe.StandardOutput.Should().Contain("UNREACHABLE: [" + node);
    }
}
