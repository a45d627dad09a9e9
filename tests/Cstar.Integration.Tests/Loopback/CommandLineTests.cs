using System.Globalization;
using Cstar.Core.Errors;
using Cstar.Simulator.Host.Hosts;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Loopback;

/// <summary>The human path: `cstar-sim up` starts a detached daemon; status, ctl and down talk to it over its socket.</summary>
[Trait("Category", "Loopback")]
public sealed class CommandLineTests
{
    private static readonly string StubRing = Path.Combine(AppContext.BaseDirectory, "Cstar.TestKit.dll") + ":" + typeof(StubSimulatedRing).FullName;

    [SkippableFact(Timeout = 120_000)]
    public async Task Cstar_sim_up_status_ctl_and_down_run_a_cluster_out_of_process_and_leave_nothing_behind()
    {
        var directory = Path.Combine(Path.GetTempPath(), "cstar-sim-cli-" + Guid.NewGuid().ToString("N")[..8]);
        var network = LoopbackNetworks.Allocate(22).ToString(CultureInfo.InvariantCulture);
        try
        {
            var up = await SimAsync("up", "3", "--dcs", "2", "--dir", directory, "--network", network, "--start-delay", "0", "--ring-factory", StubRing);
            var daemonPid = int.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "daemon.pid")), CultureInfo.InvariantCulture);
            var status = await SimAsync("status", "--dir", directory);
            var stop = await SimAsync("ctl", "stop", "node002", "--dir", directory);
            var nodetool = await SshAsync(directory, "node002", "nodetool status");
            var unknown = await SimAsync("ctl", "stop", "node009", "--dir", directory);
            var down = await SimAsync("down", "--dir", directory);

            up.ExitCode.Should().Be(0, up.StandardError);
            up.StandardOutput.Should().Contain("3 hosts up");
            status.StandardOutput.Should().MatchRegex($"127\\.{network}\\.1\\.2 +node002 +dc2 +rack1 +on +up +4\\.0\\.0-alpha4\n", "the version as describecluster and cstar ring print it");
            stop.StandardOutput.Should().Be($"node002: cassandra stopped\n");
            nodetool.StandardError.Should().StartWith("nodetool: Failed to connect");
            unknown.ExitCode.Should().Be(1);
            unknown.StandardError.Should().Contain("no simulated host is called 'node009'").And.Contain("cstar-sim status");
            down.ExitCode.Should().Be(0, down.StandardError);
            Directory.Exists($"/proc/{daemonPid}").Should().BeFalse();
            LoopbackCluster.ProcessesMentioning(directory).Should().BeEmpty();
        }
        finally
        {
            await SimAsync("down", "--dir", directory);
            Directory.Delete(directory, recursive: true);
        }
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task Cstar_sim_up_again_in_the_same_directory_after_down_starts_a_fresh_cluster()
    {
        var directory = Path.Combine(Path.GetTempPath(), "cstar-sim-cli-" + Guid.NewGuid().ToString("N")[..8]);
        var network = LoopbackNetworks.Allocate(22).ToString(CultureInfo.InvariantCulture);
        try
        {
            var first = await SimAsync("up", "2", "--dir", directory, "--network", network, "--ring-factory", StubRing);
            await SimAsync("down", "--dir", directory);
            var second = await SimAsync("up", "2", "--dir", directory, "--network", network, "--ring-factory", StubRing);
            var hostname = await SshAsync(directory, "node002", "hostname");

            first.ExitCode.Should().Be(0, first.StandardError);
            second.ExitCode.Should().Be(0, second.StandardError);
            hostname.StandardOutput.Should().Be("node002\n");
        }
        finally
        {
            await SimAsync("down", "--dir", directory);
            Directory.Delete(directory, recursive: true);
        }
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task Cstar_sim_down_kills_the_hosts_by_recorded_pid_when_the_daemon_died_without_cleaning_up()
    {
        var directory = Path.Combine(Path.GetTempPath(), "cstar-sim-cli-" + Guid.NewGuid().ToString("N")[..8]);
        var network = LoopbackNetworks.Allocate(22).ToString(CultureInfo.InvariantCulture);
        try
        {
            var up = await SimAsync("up", "2", "--dir", directory, "--network", network, "--ring-factory", StubRing);
            var daemonPid = int.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "daemon.pid")), CultureInfo.InvariantCulture);
            var hostPids = Directory.GetFiles(Path.Combine(directory, "pids")).Select(f => int.Parse(File.ReadAllText(f), CultureInfo.InvariantCulture)).ToList();
            using (var daemon = System.Diagnostics.Process.GetProcessById(daemonPid))
            {
                daemon.Kill();
                await daemon.WaitForExitAsync();
            }

            var orphans = LoopbackCluster.ProcessesMentioning(directory);
            var down = await SimAsync("down", "--dir", directory);

            up.ExitCode.Should().Be(0, up.StandardError);
            hostPids.Should().HaveCount(2);
            orphans.Should().Contain(hostPids, "SIGKILL gives the daemon no chance to kill its hosts");
            down.StandardOutput.Should().Contain("2 leftover processes killed");
            LoopbackCluster.ProcessesMentioning(directory).Should().BeEmpty();
        }
        finally
        {
            await SimAsync("down", "--dir", directory);
            Directory.Delete(directory, recursive: true);
        }
    }

    [SkippableFact(Timeout = 30_000)]
    public async Task Cstar_sim_up_without_a_host_count_names_the_problem_and_the_next_step()
    {
        var answer = await SimAsync("up", "--dir", "/nonexistent-cstar-sim");

        answer.ExitCode.Should().Be((int)ExitCode.UserError);
        answer.StandardError.Should().Be("cstar-sim: how many hosts?\nWrite e.g. `cstar-sim up 12 --dcs 2 --racks 3`.\n");
    }

    [Fact(Timeout = 60_000)]
    public async Task Cstar_sim_help_exits_0_and_lists_every_supported_version()
    {
        var help = await SimAsync("--help");
        var upHelp = await SimAsync("up", "--help");

        help.ExitCode.Should().Be(0, help.StandardError);
        upHelp.ExitCode.Should().Be(0, upHelp.StandardError);
        help.StandardOutput.Should().Contain("2.1, 2.2, 3.0, 3.11, 4.0, 4.1, 5.0").And.Contain("--network");
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task Sigterm_to_the_daemon_tears_the_cluster_down_before_the_process_ends()
    {
        var directory = Path.Combine(Path.GetTempPath(), "cstar-sim-cli-" + Guid.NewGuid().ToString("N")[..8]);
        var network = LoopbackNetworks.Allocate(22).ToString(CultureInfo.InvariantCulture);
        try
        {
            var up = await SimAsync("up", "2", "--dir", directory, "--network", network, "--ring-factory", StubRing);
            up.ExitCode.Should().Be(0, up.StandardError);
            var daemonPid = int.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "daemon.pid")), CultureInfo.InvariantCulture);
            LoopbackCluster.ProcessesMentioning(directory).Should().NotBeEmpty();

            await ProcessRunner.RunAsync("/bin/kill", ["-TERM", daemonPid.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10), CancellationToken.None);
            var gone = await Eventually.HoldsAsync(() => Task.FromResult(!Directory.Exists($"/proc/{daemonPid}")), TimeSpan.FromSeconds(30));

            gone.Should().BeTrue("the daemon ends after SIGTERM");

            LoopbackCluster.ProcessesMentioning(directory).Should().BeEmpty();
            (await File.ReadAllTextAsync(Path.Combine(directory, "daemon.log"))).Should().Contain("cstar-sim daemon stopping");
        }
        finally
        {
            await SimAsync("down", "--dir", directory);
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<SshResult> SimAsync(params string[] args)
    {
        var command = SimulatorCommand.Current();
        var (exit, stdout, stderr) = await ProcessRunner.RunAsync(command.DotnetHost, [command.SimulatorAssembly, .. args], TimeSpan.FromSeconds(90), CancellationToken.None);
        return new SshResult(exit, stdout, stderr);
    }

    private static async Task<SshResult> SshAsync(string directory, string host, string command)
    {
        var (exit, stdout, stderr) = await ProcessRunner.RunAsync(
            "/usr/bin/ssh", ["-F", Path.Combine(directory, "ssh_config"), "-o", "BatchMode=yes", host, command], TimeSpan.FromSeconds(30), CancellationToken.None);
        return new SshResult(exit, stdout, stderr);
    }
}
