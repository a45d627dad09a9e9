using System.Text;
using Cstar.Core.Jobs;
using Cstar.JobStore.Rendering;
using FluentAssertions;
using Xunit;

namespace Cstar.JobStore.Tests.Rendering;

public sealed class RunningJobProgressTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_eta_is_the_time_per_finished_host_so_far_times_the_hosts_left()
    {
        var hosts = HostCounts.Empty with { Succeeded = 3, Failed = 1, Running = 2, Pending = 6 };

        RunningJobProgress.Line(hosts, TimeSpan.FromMinutes(20)).Should().Be("4 done, 2 running, 6 pending; elapsed 20m00s; eta ~40m00s (from 4 host(s) finished)");
    }

    [Fact]
    public void Before_any_host_finished_there_is_no_eta_and_skipped_hosts_do_not_count_as_finished()
    {
        var hosts = HostCounts.Empty with { Skipped = 2, Running = 1, Pending = 3 };

        RunningJobProgress.Line(hosts, TimeSpan.FromSeconds(30)).Should().EndWith("eta ? (no host finished yet)");
    }

    [Fact]
    public void Only_jobs_whose_runner_is_alive_are_listed_as_running_now()
    {
        var text = new StringBuilder();
        JobSummary Job(string id, JobState state, bool gone) => new(id, "run", ["c"], null, T0, null, state, HostCounts.Empty with { Pending = 1 }, gone);

        RunningJobProgress.Append(text, [Job("alive", JobState.Running, false), Job("gone", JobState.Running, true), Job("ended", JobState.Finished, false)], T0.AddMinutes(1));

        text.ToString().Should().Contain("Running now:\n  alive  run  0 done, 0 running, 1 pending; elapsed 1m00s").And.NotContain("gone").And.NotContain("ended");
    }
}
