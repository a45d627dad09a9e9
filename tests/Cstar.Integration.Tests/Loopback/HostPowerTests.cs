using System.Diagnostics;
using Cstar.Simulator.Host.Hosts;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Loopback;

/// <summary>Reboot typed inside a session, power off and on from the fixture: the host's sshd and sessions really die.</summary>
[Trait("Category", "Loopback")]
public sealed class HostPowerTests
{
    private static readonly TimeSpan ComeBack = TimeSpan.FromSeconds(20);

    [SkippableFact(Timeout = 90_000)]
    public async Task Reboot_typed_in_a_session_kills_it_and_the_host_returns_once_the_reboot_delay_passed()
    {
        var clock = new ManualClock();
        await using var cluster = await LoopbackCluster.StartAsync(new LoopbackClusterOptions
        {
            Hosts = 2,
            Time = clock,
            RebootDelay = TimeSpan.FromSeconds(60),
            RingFactory = spec => new StubSimulatedRing(spec.Nodes, clock),
        });
        var node = cluster.Addresses[1];

        var session = await cluster.SshAsync(node, "reboot; sleep 20; echo survived");
        var whileDown = await cluster.SshAsync(node, "hostname");
        var power = cluster.PowerOf(node);
        var neighbour = await cluster.SshAsync(cluster.Addresses[0], "hostname");
        clock.Advance(TimeSpan.FromSeconds(60));
        var back = await Eventually.HoldsAsync(async () => (await cluster.SshAsync(node, "hostname")).ExitCode == 0, ComeBack);

        session.ExitCode.Should().Be(255, "the session dies with the host");
        session.StandardOutput.Should().NotContain("survived");
        whileDown.ExitCode.Should().Be(255);
        whileDown.StandardError.Should().Contain("Connection refused");
        power.Should().Be(HostPower.Rebooting);
        neighbour.ExitCode.Should().Be(0, "the other host is untouched");
        back.Should().BeTrue();
        cluster.PowerOf(node).Should().Be(HostPower.On);
        ((StubSimulatedRing)cluster.Ring).Calls.Should().Equal($"poweroff {node}", $"poweron {node} 0s");
    }

    [SkippableFact(Timeout = 60_000)]
    public async Task A_reboot_with_real_time_brings_the_host_back_by_itself()
    {
        await using var cluster = await LoopbackCluster.StartAsync(new LoopbackClusterOptions { Hosts = 1, RebootDelay = TimeSpan.FromSeconds(1) });
        var node = cluster.Addresses[0];
        var watch = Stopwatch.StartNew();

        await cluster.RebootAsync(node);
        var back = await Eventually.HoldsAsync(async () => (await cluster.SshAsync(node, "nodetool version")).ExitCode == 0, ComeBack);

        back.Should().BeTrue();
        watch.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1), "the host stays away for the reboot delay");
    }

    [SkippableFact(Timeout = 60_000)]
    public async Task Power_off_kills_the_hosts_sessions_and_power_on_brings_sshd_and_cassandra_back()
    {
        await using var cluster = await LoopbackCluster.StartAsync(new LoopbackClusterOptions { Hosts = 2 });
        var node = cluster.Addresses[0];
        var marker = Path.Combine(cluster.Directory, "power-session");
        var session = cluster.SshAsync(node, $"sleep 30; echo survived # {marker}");
        var started = await Eventually.HoldsAsync(() => Task.FromResult(LoopbackCluster.ProcessesMentioning(marker).Count > 0), TimeSpan.FromSeconds(10));

        await cluster.PowerOffAsync(node);
        var ended = await session;
        var leftover = LoopbackCluster.ProcessesMentioning(marker);
        var whileOff = await cluster.SshAsync(node, "true");
        var cqlWhileOff = await CqlProbe.OptionsAsync(node, cluster.CqlPort, TimeSpan.FromSeconds(5));
        await cluster.PowerOnAsync(node);
        var after = await cluster.SshAsync(node, "hostname && nodetool statusbinary");

        started.Should().BeTrue();
        ended.ExitCode.Should().Be(255);
        ended.StandardOutput.Should().NotContain("survived");
        leftover.Should().BeEmpty("every process of the host dies with it");
        whileOff.ExitCode.Should().Be(255);
        cqlWhileOff.Should().BeNull();
        after.ExitCode.Should().Be(0, after.StandardError);
        after.StandardOutput.Should().Be($"{cluster.Nodes[0].HostName}\nrunning\n");
    }
}
