using System.Globalization;
using System.Text.RegularExpressions;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Cli;

/// <summary>The bundled `restart` command (commands/restart.sh) run by the published cstar on a 6-host, 2-DC loopback cluster.</summary>
[Trait("Category", "Loopback")]
public sealed class RestartCommandTests
{
    private static async Task<long> GenerationAsync(LoopbackCluster cluster, string address)
    {
        var info = await cluster.SshAsync(address, "nodetool info");
        var match = Regex.Match(info.StandardOutput, @"Generation No\s*:\s*(\d+)");
        match.Success.Should().BeTrue($"nodetool info on {address} prints a generation: {info}");
        return long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task Restart_restarts_every_node_one_at_a_time_each_after_the_previous_one_is_back_up_and_answering_cql()
    {
        await using var cluster = await BundledClusterFixture.StartAsync(hosts: 6, datacenters: 2, racks: 3);
        var before = await Task.WhenAll(cluster.Addresses.Select(a => GenerationAsync(cluster, a)));
        var store = Path.Combine(cluster.Directory, "store");

        var outcome = await CliOnLoopback.CstarAsync(cluster, "restart", "--seed-host", cluster.Addresses[0], "--output-directory", store, "--ip-label");
        var after = await Task.WhenAll(cluster.Addresses.Select(a => GenerationAsync(cluster, a)));

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        after.Zip(before).Should().OnlyContain(p => p.First > p.Second, "every node's Cassandra was restarted (a new gossip generation)");
        var history = cluster.History.Events;
        foreach (var node in cluster.Nodes)
        {
            cluster.History.Of(node.Address)
                .Where(e => e.IsNodetool("drain") || e.What is "stop" or "start")
                .Select(e => e.What == "nodetool" ? "drain" : e.What)
                .Should().Equal(["drain", "stop", "start"], $"restart.sh drains, stops and starts {node.Address} once");
            outcome.StandardOutput.Should().Contain($"{node.Address}: {node.HostName}: draining", "--ip-label prefixes each output line with its host");
        }

        // Keyspace app is replicated 3 times in each DC of 3 hosts: every host holds a replica of every range,
        // so no two hosts may be out at once, and the next one may go down only once its predecessor serves
        // again (CQL up) and its peers had time to see it UN (at least the shortest gossip delay).
        var windows = DownWindow.Of(history);
        windows.Select(w => w.Address).Should().BeEquivalentTo(cluster.Addresses, "each host was down exactly once");
        var timeline = string.Join("\n", windows);
        foreach (var (previous, next) in windows.Zip(windows.Skip(1)))
        {
            next.From.Should().BeOnOrAfter(
                previous.Until + BundledClusterFixture.MinGossipDelay - TimeSpan.FromMilliseconds(10),
                $"{next.Address} must go down only after {previous.Address} is back UN and answering CQL:\n{timeline}");
        }
    }
}
