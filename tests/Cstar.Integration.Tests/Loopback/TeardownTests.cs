using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Loopback;

/// <summary>Nothing of a cluster survives its disposal: no sshd, no launcher, no session, no pending reboot.</summary>
[Trait("Category", "Loopback")]
public sealed class TeardownTests
{
    [SkippableFact(Timeout = 60_000)]
    public async Task Disposing_a_cluster_kills_every_sshd_session_and_pending_reboot_and_removes_its_directory()
    {
        var cluster = await LoopbackCluster.StartAsync(new LoopbackClusterOptions { Hosts = 4, RebootDelay = TimeSpan.FromMinutes(5) });
        var directory = cluster.Directory;
        var pids = cluster.HostProcessIds;
        var sessions = cluster.Addresses.Take(2).Select(a => cluster.SshAsync(a, $"sleep 60; true # {directory}")).ToList();
        await Eventually.HoldsAsync(() => Task.FromResult(LoopbackCluster.ProcessesMentioning(directory + " ").Count >= 2), TimeSpan.FromSeconds(10));
        await cluster.RebootAsync(cluster.Addresses[3]);
        var before = LoopbackCluster.ProcessesMentioning(directory);

        await cluster.DisposeAsync();
        var ended = await Task.WhenAll(sessions);

        pids.Should().HaveCount(4);
        before.Should().HaveCountGreaterThanOrEqualTo(3 + 2, "three running sshds and two marked sessions");
        LoopbackCluster.ProcessesMentioning(directory).Should().BeEmpty();
        pids.Where(p => Directory.Exists($"/proc/{p}")).Should().BeEmpty();
        ended.Should().OnlyContain(r => r.ExitCode == 255);
        Directory.Exists(directory).Should().BeFalse();
    }
}
