using System.Diagnostics;
using Cstar.JobStore.Locks;
using Cstar.JobStore.Processes;
using FluentAssertions;
using Xunit;

namespace Cstar.JobStore.Tests.Locks;

/// <summary>The machine-wide cluster lock: a real flock, so one holder at a time and a dead holder never blocks.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class MachineClusterLockTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cstar-locks-test-" + Guid.NewGuid().ToString("N"), "locks");
    private readonly string _key = ClusterIdentity.Key("Prod", ["b2", "a1"]);

    public void Dispose()
    {
        if (Directory.Exists(Path.GetDirectoryName(_folder)))
        {
            Directory.Delete(Path.GetDirectoryName(_folder)!, recursive: true);
        }
    }

    private static LockHolder Me(string jobId) =>
        new("Prod", jobId, Environment.ProcessId, SystemProcessLiveness.Instance.Current.StartTime, "alice", "/home/alice/.cstar", DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_second_taker_is_refused_and_told_which_job_user_and_process_hold_it()
    {
        using var first = MachineClusterLock.TryAcquire(_folder, _key, Me("job-a"), SystemProcessLiveness.Instance, out _);

        var second = MachineClusterLock.TryAcquire(_folder, _key, Me("job-b"), SystemProcessLiveness.Instance, out var holder);

        first.Should().NotBeNull();
        second.Should().BeNull("flock locks are per open file: a second open, even in the same process, is refused");
        holder!.JobId.Should().Be("job-a");
        holder.Describe().Should().Contain("job job-a of user alice (process " + Environment.ProcessId).And.Contain("/home/alice/.cstar");
    }

    [Fact]
    public void Releasing_the_lock_lets_the_next_job_take_it()
    {
        MachineClusterLock.TryAcquire(_folder, _key, Me("job-a"), SystemProcessLiveness.Instance, out _)!.Dispose();

        using var next = MachineClusterLock.TryAcquire(_folder, _key, Me("job-b"), SystemProcessLiveness.Instance, out _);

        next.Should().NotBeNull();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_holder_killed_with_kill_9_never_blocks_the_next_job()
    {
        MachineLockFolder.Ensure(_folder);
        var path = Path.Combine(_folder, $"cluster-{_key}.lock");
        using var holder = Process.Start(new ProcessStartInfo("flock", ["-x", path, "-c", "echo locked; exec sleep 600"]) { RedirectStandardOutput = true })!;
        (await holder.StandardOutput.ReadLineAsync()).Should().Be("locked");
        MachineClusterLock.TryAcquire(_folder, _key, Me("job-b"), SystemProcessLiveness.Instance, out _).Should().BeNull("a live process holds the flock");

        holder.Kill(entireProcessTree: true);
        await holder.WaitForExitAsync();

        // flock's child shell inherited the locked descriptor and dies a moment after flock itself: wait (bounded) for it.
        var after = MachineClusterLock.TryAcquire(_folder, _key, Me("job-b"), SystemProcessLiveness.Instance, out _);
        for (var i = 0; after is null && i < 100; i++)
        {
            await Task.Delay(50);
            after = MachineClusterLock.TryAcquire(_folder, _key, Me("job-b"), SystemProcessLiveness.Instance, out _);
        }

        using var acquired = after;

        after.Should().NotBeNull("the kernel released the flock of the killed holder");
    }

    [Fact]
    public void The_folder_is_created_sticky_and_writable_by_every_user_like_tmp()
    {
        MachineLockFolder.Ensure(_folder);

        File.GetUnixFileMode(_folder).Should().Be((UnixFileMode)Convert.ToInt32("1777", 8));
    }

    [Fact]
    public void The_key_ignores_the_order_of_members_and_tells_same_named_clusters_apart()
    {
        ClusterIdentity.Key("Test Cluster", ["h1", "h2"]).Should().Be(ClusterIdentity.Key("Test Cluster", ["h2", "h1"]));
        ClusterIdentity.Key("Test Cluster", ["h1", "h2"]).Should().NotBe(ClusterIdentity.Key("Test Cluster", ["h3", "h4"]));
        ClusterIdentity.Key("Test Cluster", ["h1"]).Should().NotBe(ClusterIdentity.Key("Other", ["h1"]));
    }
}
