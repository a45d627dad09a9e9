using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Loopback;

/// <summary>--nodetool-latency: every simulated nodetool call on a host waits before it answers, on the cluster's clock.</summary>
[Collection(LoopbackGroup.Name)]
[Trait("Category", "Loopback")]
public sealed class NodetoolLatencyTests
{
    [SkippableFact(Timeout = 120_000)]
    public async Task A_nodetool_call_over_ssh_answers_only_once_the_configured_latency_has_passed_on_the_clock()
    {
        var clock = new ManualClock();
        await using var cluster = await LoopbackCluster.StartAsync(new LoopbackClusterOptions { Hosts = 1, Time = clock, NodetoolLatency = TimeSpan.FromSeconds(3) });
        var host = cluster.Addresses[0];

        var call = cluster.SshAsync(host, "nodetool statusbinary");
        var arrived = await Eventually.HoldsAsync(() => Task.FromResult(cluster.History.Of(host).Any(e => e.IsNodetool("statusbinary"))), TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromSeconds(2.9));
        await Task.Delay(200); // a wrong answer would come back now; the right one cannot before the next Advance
        var earlyAnswer = call.IsCompleted;
        clock.Advance(TimeSpan.FromSeconds(0.1));
        var answer = await call.WaitAsync(TimeSpan.FromSeconds(30));

        arrived.Should().BeTrue("the call reaches the daemon at once and is recorded when it arrives");
        cluster.Daemon.Options.NodetoolLatency.Should().Be(TimeSpan.FromSeconds(3));
        earlyAnswer.Should().BeFalse("nodetool waits the full 3 s of cluster time");
        answer.ExitCode.Should().Be(0, answer.StandardError);
        answer.StandardOutput.Should().Be("running\n");
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task Without_a_latency_nodetool_answers_without_the_clock_moving()
    {
        var clock = new ManualClock();
        await using var cluster = await LoopbackCluster.StartAsync(new LoopbackClusterOptions { Hosts = 1, Time = clock });

        var answer = await cluster.SshAsync(cluster.Addresses[0], "nodetool statusbinary");

        answer.StandardOutput.Should().Be("running\n");
        cluster.Daemon.Options.NodetoolLatency.Should().Be(TimeSpan.Zero);
    }
}
