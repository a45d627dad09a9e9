using Cstar.JobStore.Processes;
using Cstar.JobStore.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Cstar.JobStore.Tests.Store;

public sealed class ClusterLockTests : IDisposable
{
    private readonly TempRoot _root = new();

    [Fact]
    public void A_free_cluster_is_locked_and_the_same_job_may_ask_again()
    {
        using var store = Jobs.Open(_root);

        store.TryAcquireClusterLock("prod-eu", "job-1").Acquired.Should().BeTrue();
        store.TryAcquireClusterLock("prod-eu", "job-1").Should().Match<Core.Jobs.ClusterLockResult>(r => r.Acquired && r.TookOverFromJobId == null);
        store.TryAcquireClusterLock("prod-us", "job-2").Acquired.Should().BeTrue("another cluster is independent");
    }

    [Fact]
    public void A_live_owner_is_refused_naming_its_job_and_force_overrides()
    {
        var first = new FakeProcessLiveness(pid: 100);
        var second = new FakeProcessLiveness(pid: 200);
        second.Live(first.Current);
        using (var owner = Jobs.Open(_root, first))
        {
            owner.TryAcquireClusterLock("prod-eu", "job-1");
        }

        using var other = Jobs.Open(_root, second);
        var refused = other.TryAcquireClusterLock("prod-eu", "job-2");
        var forced = other.TryAcquireClusterLock("prod-eu", "job-2", force: true);

        refused.Should().Match<Core.Jobs.ClusterLockResult>(r => !r.Acquired && r.HeldByJobId == "job-1" && r.HeldByPid == 100);
        refused.Describe().Should().Contain("job-1").And.Contain("prod-eu");
        forced.Should().Match<Core.Jobs.ClusterLockResult>(r => r.Acquired && r.TookOverFromJobId == "job-1");
    }

    [Fact]
    public void A_lock_whose_owner_is_gone_is_stale_and_taken_over()
    {
        var first = new FakeProcessLiveness(pid: 100);
        using (var owner = Jobs.Open(_root, first))
        {
            owner.TryAcquireClusterLock("prod-eu", "job-1");
        }

        using var other = Jobs.Open(_root, new FakeProcessLiveness(pid: 200));

        other.TryAcquireClusterLock("prod-eu", "job-2").Should().Match<Core.Jobs.ClusterLockResult>(r => r.Acquired && r.TookOverFromJobId == "job-1");
    }

    [Fact]
    public void A_reused_pid_with_another_start_time_is_not_the_owner()
    {
        var first = new FakeProcessLiveness(pid: 100, start: 1);
        var second = new FakeProcessLiveness(pid: 200);
        second.Live(new ProcessIdentity(100, 999)); // pid 100 exists again, but it is another process
        using (var owner = Jobs.Open(_root, first))
        {
            owner.TryAcquireClusterLock("prod-eu", "job-1");
        }

        using var other = Jobs.Open(_root, second);

        other.TryAcquireClusterLock("prod-eu", "job-2").Acquired.Should().BeTrue();
    }

    [Fact]
    public void Releasing_frees_the_cluster_only_for_the_holder()
    {
        var first = new FakeProcessLiveness(pid: 100);
        var second = new FakeProcessLiveness(pid: 200);
        second.Live(first.Current);
        using var owner = Jobs.Open(_root, first);
        using var other = Jobs.Open(_root, second);
        owner.TryAcquireClusterLock("prod-eu", "job-1");

        other.ReleaseClusterLock("prod-eu", "job-1");
        other.TryAcquireClusterLock("prod-eu", "job-2").Acquired.Should().BeFalse("only the holder can release");
        owner.ReleaseClusterLock("prod-eu", "job-1");
        other.TryAcquireClusterLock("prod-eu", "job-2").Acquired.Should().BeTrue();
    }

    [Fact]
    public async Task A_real_second_process_holding_the_lock_is_refused_while_alive_and_taken_over_after_kill_9()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var child = ChildProcess.Start("hold-lock", _root.Path, "prod-eu", "job-child");
        try
        {
            (await child.StandardOutput.ReadLineAsync(cts.Token)).Should().Be("locked");
            using var store = Cstar.JobStore.Sqlite.SqliteJobStore.Open(JobStoreOptions.At(_root.Path));

            var whileAlive = store.TryAcquireClusterLock("prod-eu", "job-parent");
            child.Kill();
            await child.WaitForExitAsync(cts.Token);
            var afterKill = store.TryAcquireClusterLock("prod-eu", "job-parent");

            whileAlive.Should().Match<Core.Jobs.ClusterLockResult>(r => !r.Acquired && r.HeldByJobId == "job-child" && r.HeldByPid == child.Id);
            afterKill.Should().Match<Core.Jobs.ClusterLockResult>(r => r.Acquired && r.TookOverFromJobId == "job-child");
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill();
            }
        }
    }

    public void Dispose() => _root.Dispose();
}
