using Cstar.TestKit;
using Cstar.TestKit.Processes;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Cli;

/// <summary>The bundled commands/cstarpar/reboot.sh run by the published cstarpar on a 3-host loopback cluster, with plain ssh.</summary>
[Trait("Category", "Loopback")]
public sealed class CstarparRebootTests(BundledClusterFixture fixture) : IClassFixture<BundledClusterFixture>
{
    private LoopbackCluster Cluster => fixture.Cluster;

    private async Task<string[]> BootIdsAsync() =>
        await Task.WhenAll(Cluster.Addresses.Select(async a => (await Cluster.SshAsync(a, "cat /proc/sys/kernel/random/boot_id")).StandardOutput.Trim()));

    [SkippableFact(Timeout = 240_000)]
    public async Task Reboot_sh_reboots_every_host_one_at_a_time_each_back_up_before_the_next_goes_down()
    {
        var before = await BootIdsAsync();
        var mark = Cluster.History.Events.Count;
        var home = Path.Combine(Cluster.Directory, "operator-home");
        Directory.CreateDirectory(home);

        var outcome = await ProcessRunner.RunAsync(
            await PublishedCli.CstarparAsync(),
            ["--seed-host", Cluster.Addresses[0], "--output-directory", fixture.Store, .. CliOnLoopback.SshFlags(Cluster),
             "--ip-label", "--", Path.Combine(RepositoryPaths.Root, "commands", "cstarpar", "reboot.sh"), "{}"],
            TimeSpan.FromSeconds(150),
            environment: new Dictionary<string, string?>
            {
                ["HOME"] = home,
                ["TERM"] = "dumb",
                ["REBOOT_SSH_OPTS"] = "-F " + Cluster.SshConfigPath,
                ["REBOOT_WAIT_SECONDS"] = "60",
            });
        var after = await BootIdsAsync();

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        before.Should().OnlyContain(id => id.Length == 36, "each host has its own boot id");
        after.Zip(before).Should().OnlyContain(p => p.First != p.Second, "every host was rebooted (a new boot id)");
        var events = Cluster.History.Events.Skip(mark).ToList();
        foreach (var node in Cluster.Nodes)
        {
            events.Where(e => e.Address == node.Address && e.What is "reboot" or "poweron").Select(e => e.What)
                .Should().Equal(["reboot", "poweron"], $"{node.Address} was rebooted once and came back");
            outcome.StandardOutput.Should().MatchRegex($@"{System.Text.RegularExpressions.Regex.Escape(node.Address)}: \S+: back after reboot", "--ip-label prefixes each output line with its host");
        }

        // RF 3 on 3 hosts: one host at a time, the next only once the previous one serves again and its peers could see it UN.
        var windows = DownWindow.Of(events);
        windows.Select(w => w.Address).Should().BeEquivalentTo(Cluster.Addresses, "each host was down exactly once");
        var timeline = string.Join("\n", windows);
        foreach (var (previous, next) in windows.Zip(windows.Skip(1)))
        {
            next.From.Should().BeOnOrAfter(
                previous.Until + BundledClusterFixture.MinGossipDelay - TimeSpan.FromMilliseconds(10),
                $"{next.Address} must go down only after {previous.Address} is back UN:\n{timeline}");
        }
    }
}
