using Cstar.Core.Errors;
using Cstar.Core.Jobs;
using Cstar.Integration.Tests.Loopback;
using Cstar.TestKit.Execution;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Engine;

/// <summary>Hosts whose command's end cannot be observed — powered off mid-command, a full disk — are Failed (lost), never Succeeded.</summary>
[Collection(LoopbackGroup.Name)]
[Trait("Category", "Loopback")]
public sealed class LostHostTests : IDisposable
{
    private readonly string _store = Path.Combine(Path.GetTempPath(), "cstar-engine-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(_store))
        {
            Directory.Delete(_store, recursive: true);
        }
    }

    [SkippableFact(Timeout = 150_000)]
    public async Task A_host_powered_off_mid_command_and_on_again_is_failed_lost_with_the_reason_and_reported_unreachable_meanwhile()
    {
        await using var cluster = await EngineFaultTests.StartClusterAsync(3);
        var host = cluster.Addresses[1];
        await using var rig = await EngineRig.CreateAsync(EngineRig.SettingsFor(cluster, _store, "echo start; sleep 20; echo end") with { AliveTimeoutSeconds = 2 });
        var observer = new RecordingSubscriber();

        var run = rig.Runner(observer).RunAsync(rig.Request(hosts: [host]), CancellationToken.None);
        (await Eventually.HoldsAsync(() => Task.FromResult(rig.OutOf(host) == "start\n"), TimeSpan.FromSeconds(30))).Should().BeTrue();
        await cluster.PowerOffAsync(host);
        var reported = await Eventually.HoldsAsync(() => Task.FromResult(observer.Unreachable.Any()), TimeSpan.FromSeconds(30));
        await cluster.PowerOnAsync(host);
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(90));

        reported.Should().BeTrue("the host is said unreachable while the runner retries");
        observer.Unreachable.First().Host.Should().Be(host);
        outcome.ExitCode.Should().Be(ExitCode.HostsFailed, outcome.ToString());
        var state = rig.Hosts.Single();
        state.Kind.Should().Be(HostRunStateKind.Failed);
        state.Reason.Should().StartWith("lost: ").And.Contain("rebooted during the command (a new boot id)").And.Contain("its end was not observed");
        rig.OutOf(host).Should().Be("start\n");
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task A_full_disk_on_the_node_fails_the_host_as_lost_saying_so_and_that_the_output_is_incomplete()
    {
        await using var cluster = await EngineFaultTests.StartClusterAsync(3);
        var host = cluster.Addresses[1];
        // A 256 KiB file system over the run folders, in the host's own mount namespace only.
        var mount = await cluster.SshAsync(host, "mkdir -p ~/.cstar/remote-jobs && mount -t tmpfs -o size=256k cstar-full ~/.cstar/remote-jobs && echo mounted");
        mount.StandardOutput.Should().Be("mounted\n", mount.StandardError);
        await using var rig = await EngineRig.CreateAsync(EngineRig.SettingsFor(cluster, _store, "head -c 1000000 /dev/zero | tr '\\0' x; echo; echo done"));

        var outcome = await rig.Runner().RunAsync(rig.Request(hosts: [host]), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(90));

        outcome.ExitCode.Should().Be(ExitCode.HostsFailed, outcome.ToString());
        var state = rig.Hosts.Single();
        state.Kind.Should().Be(HostRunStateKind.Failed);
        state.Reason.Should().StartWith("lost: the node's disk is full: could not write").And.Contain("is incomplete").And.NotContain("Exception");
        rig.OutOf(host).Length.Should().BeLessThan(1_000_000);
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task A_garbled_status_file_on_the_node_fails_the_host_as_lost_with_its_content_never_an_exception()
    {
        await using var cluster = await EngineFaultTests.StartClusterAsync(3);
        var host = cluster.Addresses[1];
        // The command leaves a garbled status and kills the wrapper shell that would have written the real one.
        var script = "echo start; printf 'garbage' > status.tmp; mv -f status.tmp status; kill -9 $PPID; sleep 0.5";
        await using var rig = await EngineRig.CreateAsync(EngineRig.SettingsFor(cluster, _store, script));

        var outcome = await rig.Runner().RunAsync(rig.Request(hosts: [host]), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(90));

        outcome.ExitCode.Should().Be(ExitCode.HostsFailed, outcome.ToString());
        var state = rig.Hosts.Single();
        state.Kind.Should().Be(HostRunStateKind.Failed);
        state.Reason.Should().StartWith("lost: the exit status of the command on " + host + " is unreadable").And.Contain("holds 'garbage'").And.NotContain("Exception");
    }
}
