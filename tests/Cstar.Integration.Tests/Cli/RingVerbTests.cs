using System.Text.Json;
using System.Text.RegularExpressions;
using Cstar.Simulator.Host.Ring;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Cli;

/// <summary>`cstar ring` and `--dry-run` against real sshd hosts whose nodetool prints real formats.</summary>
[Trait("Category", "Loopback")]
public sealed class RingVerbTests
{
    private static Task<LoopbackCluster> StartAsync(string version, int hosts = 6) => LoopbackCluster.StartAsync(new LoopbackClusterOptions
    {
        Hosts = hosts,
        Datacenters = 2,
        Racks = 3,
        CassandraVersion = version,
        RingFactory = StandardRingFactory.Create(TimeProvider.System),
    });

    [SkippableTheory(Timeout = 180_000)]
    [InlineData("3.11")]
    [InlineData("4.0")]
    public async Task Cstar_ring_shows_every_host_under_its_dc_and_rack(string version)
    {
        await using var cluster = await StartAsync(version);

        var outcome = await CliOnLoopback.CstarAsync(cluster, "ring", "--seed-host", cluster.Addresses[1]);

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        outcome.StandardOutput.Should().Contain("DC: dc1 (3 nodes)").And.Contain("DC: dc2 (3 nodes)");
        foreach (var node in cluster.Nodes)
        {
            outcome.StandardOutput.Should().MatchRegex($@"Rack: {node.Rack}\n(\s+\S.*\n)*?\s+UN  {Regex.Escape(node.Address)} ");
            outcome.StandardOutput.Should().MatchRegex($@"\s{Regex.Escape(node.Address)} .*\s{Regex.Escape(version == "3.11" ? "3.11.10" : "4.0.0-alpha4")}\s", "every node's Cassandra version is shown, not only the seed's");
        }
    }

    [SkippableTheory(Timeout = 180_000)]
    [InlineData("3.11")]
    [InlineData("4.0")]
    public async Task A_ring_whose_nodes_have_IPv6_addresses_is_discovered_with_every_node(string version)
    {
        await using var cluster = await LoopbackCluster.StartAsync(new LoopbackClusterOptions
        {
            Hosts = 6,
            Datacenters = 2,
            Racks = 3,
            CassandraVersion = version,
            RingFactory = StandardRingFactory.Create(TimeProvider.System, ipv6Addresses: true),
        });

        var outcome = await CliOnLoopback.CstarAsync(cluster, "ring", "--seed-host", cluster.Addresses[0], "--output", "json");

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        using var json = JsonDocument.Parse(outcome.StandardOutput);
        var addresses = json.RootElement.GetProperty("clusters")[0].GetProperty("datacenters").EnumerateArray()
            .SelectMany(dc => dc.GetProperty("racks").EnumerateArray())
            .SelectMany(rack => rack.GetProperty("hosts").EnumerateArray())
            .Select(h => h.GetProperty("address").GetString())
            .Order(StringComparer.Ordinal)
            .ToList();
        addresses.Should().Equal(Enumerable.Range(1, 6).Select(i => $"fd00:c57a::{i}"));
    }

    [SkippableFact(Timeout = 180_000)]
    public async Task A_dead_seed_is_reported_and_the_next_seed_is_used()
    {
        await using var cluster = await StartAsync("4.0");
        await cluster.PowerOffAsync(cluster.Addresses[0]);

        var outcome = await CliOnLoopback.CstarAsync(cluster, "ring", "--seed-host", cluster.Addresses[0] + "," + cluster.Addresses[2], "--output", "json");

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        outcome.StandardError.Should().Contain($"seed {cluster.Addresses[0]} was not used");
        using var json = JsonDocument.Parse(outcome.StandardOutput);
        json.RootElement.GetProperty("clusters")[0].GetProperty("nodeCount").GetInt32().Should().Be(6);
    }

    [SkippableFact(Timeout = 180_000)]
    public async Task When_no_seed_answers_the_error_lists_each_seed_with_its_reason_and_no_stack_trace()
    {
        await using var cluster = await StartAsync("4.0", hosts: 3);
        cluster.StopCassandra(cluster.Addresses[1]);
        await cluster.PowerOffAsync(cluster.Addresses[0]);

        var outcome = await CliOnLoopback.CstarAsync(cluster, "ring", "--seed-host", cluster.Addresses[0], "--seed-host", cluster.Addresses[1]);

        outcome.ExitCode.Should().Be(3, outcome.ToString());
        outcome.StandardError.Should().Contain(cluster.Addresses[0] + ": connection refused")
            .And.Contain(cluster.Addresses[1] + ": 'nodetool describecluster' exited with 1")
            .And.Contain("hint:")
            .And.NotContain("   at ");
    }

    [SkippableFact(Timeout = 180_000)]
    public async Task Dry_run_prints_the_waves_without_running_anything_on_the_hosts()
    {
        await using var cluster = await StartAsync("4.0");

        var outcome = await CliOnLoopback.CstarAsync(
            cluster, "run", "--command", "touch ~/ran", "--seed-host", cluster.Addresses[0], "--one-per-dc", "--dry-run", "--estimate-per-host", "1m");
        var touched = await cluster.SshAsync(cluster.Addresses[0], "ls ~/ran");

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        outcome.StandardOutput.Should().StartWith("Dry run: 6 target(s), 3 wave(s), largest wave 2");
        outcome.StandardOutput.Should().Contain("wave 1: 2 host(s)");
        touched.ExitCode.Should().NotBe(0, "a dry run must not run the command");
    }
}
