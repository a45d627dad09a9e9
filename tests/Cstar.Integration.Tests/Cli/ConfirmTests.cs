using System.Text.RegularExpressions;
using Cstar.TestKit.Processes;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Cli;

/// <summary>--confirm with the published cstar: the operator answers on standard input, as at a terminal.</summary>
[Trait("Category", "Loopback")]
public sealed class ConfirmTests(SmallRingFixture fixture) : IClassFixture<SmallRingFixture>
{
    [SkippableFact(Timeout = 240_000)]
    public async Task Confirm_asks_before_each_host_a_no_skips_it_quit_stops_and_continue_asks_again_for_the_rest()
    {
        var cluster = fixture.Cluster;
        var store = Path.Combine(cluster.Directory, "store");

        var first = await CstarWithInputAsync(
            cluster,
            "maybe\ny\nn\nq\n",
            "run", "--command", "echo x >> ~/ran", "--seed-host", cluster.Addresses[0], "--one", "--confirm", "--output-directory", store);
        var asked = Asked(first.StandardError);
        var countsAfterQuit = await RunCountsAsync(cluster);
        var jobId = Regex.Match(first.StandardOutput, "Job id is ([0-9a-f-]{36})").Groups[1].Value;
        var resumed = await CstarWithInputAsync(cluster, "a\n", "continue", jobId, "--output-directory", store);
        var countsAfterContinue = await RunCountsAsync(cluster);

        first.ExitCode.Should().Be(4, "quit leaves the job incomplete and resumable\n" + first);
        asked.Should().HaveCount(3).And.OnlyHaveUniqueItems();
        first.StandardError.Should().Contain("Answer y (yes), n (no: skip this host), a (all: yes to every host) or q (quit)", "an answer that means nothing is asked again");
        first.StandardOutput.Should().Contain("cstar continue " + jobId);
        countsAfterQuit.Should().Equal(cluster.Addresses.ToDictionary(a => a, a => a == asked[0] ? 1 : 0));
        resumed.ExitCode.Should().Be(0, resumed.ToString());
        Asked(resumed.StandardError).Should().Equal(asked[2]);
        countsAfterContinue.Should().Equal(cluster.Addresses.ToDictionary(a => a, a => a == asked[1] ? 0 : 1), "the declined host never runs, the others once");
    }

    private static List<string> Asked(string stderr) =>
        [.. Regex.Matches(stderr, @"Start (\S+) \(cluster").Select(m => m.Groups[1].Value)];

    private static async Task<Dictionary<string, int>> RunCountsAsync(LoopbackCluster cluster)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var address in cluster.Addresses)
        {
            var result = await cluster.SshAsync(address, "cat ~/ran 2>/dev/null | wc -l");
            counts[address] = int.Parse(result.StandardOutput.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }

    private static Task<ProcessOutcome> CstarWithInputAsync(LoopbackCluster cluster, string input, params string[] args) =>
        CliOnLoopback.CstarWithInputAsync(cluster, new Dictionary<string, string?>(), input, args);
}
