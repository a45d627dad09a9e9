using Cstar.Core.Errors;
using Cstar.Simulator.Host.Cli;
using Cstar.Simulator.Host.Cluster;
using Cstar.Simulator.Host.Ring;
using Cstar.Simulator.Spec;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Loopback;

/// <summary>The system keyspace profile and the nodetool latency, from the command line to the ring, without starting anything.</summary>
public sealed class ClusterProfileTests
{
    [Fact]
    public void Without_options_the_cluster_is_stock_and_nodetool_answers_at_once()
    {
        var options = new CliArguments(["up", "3"]).ClusterOptions(3);

        options.Profile.Should().Be(SystemKeyspaceProfile.Stock);
        options.NodetoolLatency.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Profile_and_nodetool_latency_options_reach_the_cluster_options_and_the_spec()
    {
        var options = new CliArguments(["up", "3", "--profile", "hardened", "--nodetool-latency", "0.3"]).ClusterOptions(3) with { Directory = "/tmp/x" };

        options.NodetoolLatency.Should().Be(TimeSpan.FromSeconds(0.3));
        ClusterSpec.From(options).Profile.Should().Be(SystemKeyspaceProfile.Hardened);
    }

    [Fact]
    public void An_unknown_profile_is_a_user_error_naming_both_choices()
    {
        var act = () => new CliArguments(["up", "3", "--profile", "nts"]).ClusterOptions(3);

        act.Should().Throw<CstarException>().WithMessage("*--profile*nts*").Which.Hint.Should().Contain("stock").And.Contain("hardened");
    }

    [Theory]
    [InlineData("4.0", "system_auth -> Replication class: SimpleStrategy {replication_factor=1}")]
    [InlineData("5.0", "system_traces -> Replication class: SimpleStrategy {replication_factor=2}")]
    public void The_standard_ring_of_a_stock_cluster_shows_the_shipped_replication_in_describecluster(string version, string line)
    {
        var ring = StandardRingFactory.Create(new ManualClock())(ClusterSpec.From(new ClusterOptions { Directory = "/tmp/x", HostCount = 6, Datacenters = 2, CassandraVersion = version }));

        var output = ring.RunNodetool(ring.Nodes[0].Address, ["describecluster"]).StandardOutput;

        output.Should().Contain(line).And.Contain("system_distributed -> Replication class: SimpleStrategy {replication_factor=3}");
    }

    [Fact]
    public void The_hardened_profile_gives_the_standard_ring_nts_system_keyspaces_in_every_dc()
    {
        var options = new ClusterOptions { Directory = "/tmp/x", HostCount = 6, Datacenters = 2, Profile = SystemKeyspaceProfile.Hardened };
        var ring = StandardRingFactory.Create(new ManualClock())(ClusterSpec.From(options));

        var output = ring.RunNodetool(ring.Nodes[0].Address, ["describecluster"]).StandardOutput;

        output.Should().Contain("system_auth -> Replication class: NetworkTopologyStrategy {dc2=3, dc1=3}");
    }

    [Fact]
    public void A_nodetool_latency_longer_than_the_host_shim_waits_is_a_user_error()
    {
        var act = () => ClusterSpec.From(new ClusterOptions { Directory = "/tmp/x", NodetoolLatency = TimeSpan.FromSeconds(31) });

        act.Should().Throw<CstarException>().WithMessage("*nodetool latency of 31 s*").Which.Hint.Should().Contain("--nodetool-latency");
    }
}
