using System.Text.RegularExpressions;
using Cstar.TestKit.Processes;
using Cstar.TestKit.Requirements;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Cli;

/// <summary>The live view of <c>cstar continue</c> in a real terminal (tmux): it starts from what the earlier run did.</summary>
[Trait("Category", "Loopback")]
public sealed class LiveViewContinueTests(SmallRingFixture fixture) : IClassFixture<SmallRingFixture>
{
    [SkippableFact(Timeout = 300_000)]
    public async Task After_continue_the_last_frame_counts_the_hosts_done_before_and_equals_the_summary()
    {
        LoopbackRequirement.SkipUnlessAvailable();
        TmuxTerminal.SkipUnlessAvailable();
        var cluster = fixture.Cluster;
        var store = Path.Combine(cluster.Directory, "store-live-continue");
        var first = await CliOnLoopback.CstarAsync(cluster, "run", "--command", "true", "--seed-host", cluster.Addresses[0], "--one", "--stop-after", "2", "--output-directory", store);
        first.ExitCode.Should().Be(4, first.ToString());
        var jobId = Regex.Match(first.StandardOutput, "Job id is ([0-9a-f-]{36})").Groups[1].Value;
        var home = Path.Combine(cluster.Directory, "operator-home");

        await using var terminal = await TmuxTerminal.StartAsync(150, 45, new Dictionary<string, string> { ["HOME"] = home }, cluster.Directory);
        await terminal.TypeAsync($"{await PublishedCli.CstarAsync()} continue {jobId} --output-directory {store}; echo EXIT=$?");
        var screen = await terminal.WaitForAsync(s => Regex.IsMatch(s, @"^EXIT=\d", RegexOptions.Multiline), TimeSpan.FromMinutes(2), "cstar's exit");

        screen.Should().Contain("EXIT=0");
        var frame = Regex.Matches(screen, @"wave \d+ +done (\d+) +running (\d+) +coming back (\d+) +failed (\d+) .*eta (\S+)").Last();
        var summary = Regex.Match(screen, @"all (\d+) host\(s\) handled: (\d+) succeeded");
        summary.Success.Should().BeTrue(screen);
        frame.Groups[1].Value.Should().Be(summary.Groups[2].Value, "the last frame counts the hosts done in the earlier run too\n" + screen);
        frame.Groups[1].Value.Should().Be("3", screen);
        frame.Groups[5].Value.Should().Be("-", "a finished run has nothing left to estimate\n" + screen);
    }
}
