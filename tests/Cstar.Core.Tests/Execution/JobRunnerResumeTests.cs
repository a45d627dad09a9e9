using Cstar.Core.Errors;
using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.Core.Scheduling;
using Cstar.TestKit.Rings;
using FluentAssertions;
using Xunit;

namespace Cstar.Core.Tests.Execution;

public sealed class JobRunnerResumeTests
{
    private static readonly SchedulingPolicy One = new() { Strategy = SchedulingStrategy.One };

    private static async Task<(RunnerHarness H, string First, JobOutcome Outcome)> InterruptWhileFirstRunsAsync()
    {
        var h = new RunnerHarness();
        var first = h.Ring.Addresses.First();
        h.Hosts.Hold.Add(first);
        using var stop = new CancellationTokenSource();
        h.Hosts.OnCall = _ => stop.Cancel();
        var outcome = await h.RunAsync(h.Request(One), stop.Token);
        return (h, first, outcome);
    }

    [Fact(Timeout = 30_000)]
    public async Task Ctrl_C_stops_scheduling_returns_at_once_and_leaves_the_running_host_recorded_running()
    {
        var (h, first, outcome) = await InterruptWhileFirstRunsAsync();

        outcome.State.Should().Be(JobState.Interrupted);
        outcome.ExitCode.Should().Be(ExitCode.Incomplete);
        outcome.ToString().Should().Contain("cstar continue job-1");
        h.Store.LoadJob(h.JobId).State.Should().Be(JobState.Interrupted);
        h.StateOf(first).Should().BeOneOf(HostRunStateKind.Starting, HostRunStateKind.Running);
        h.Hosts.Started.Should().Equal(first);
        h.Hosts.CleanedUp.Should().BeEmpty("the command goes on on its host");
    }

    [Fact(Timeout = 30_000)]
    public async Task Continue_attaches_to_the_running_host_instead_of_starting_it_again_and_finishes_the_job()
    {
        var (h, first, _) = await InterruptWhileFirstRunsAsync();
        h.Hosts.OnCall = null;
        h.Hosts.Release(first);

        var outcome = await h.RunAsync(h.Request(One) with { Resume = true });

        outcome.State.Should().Be(JobState.Finished);
        outcome.ExitCode.Should().Be(ExitCode.Success);
        h.Hosts.Calls.Should().Contain((first, true));
        h.Hosts.Executions(first).Should().Be(1);
        h.Store.StartsOf(first).Should().Be(1);
        h.Store.LoadJob(h.JobId).Hosts.Should().OnlyContain(x => x.Kind == HostRunStateKind.Succeeded);
    }

    [Fact(Timeout = 30_000)]
    public async Task Continue_collects_a_host_that_finished_while_nobody_watched()
    {
        var (h, first, _) = await InterruptWhileFirstRunsAsync();
        h.Hosts.OnCall = null;
        h.Hosts.FinishedRemotely[first] = HostRunResult.Exited(7);

        var outcome = await h.RunAsync(h.Request(One) with { Resume = true });

        outcome.State.Should().Be(JobState.Halted);
        h.Store.LoadJob(h.JobId).Host(first).ExitCode.Should().Be(7);
        h.Hosts.Executions(first).Should().Be(1);
    }

    [Fact(Timeout = 30_000)]
    public async Task Continue_after_a_failure_runs_the_hosts_not_started_yet_and_leaves_the_failed_host_failed_as_cstar_does()
    {
        var h = new RunnerHarness();
        var first = h.Ring.Addresses.First();
        h.Hosts.Results[first] = HostRunResult.Exited(2);
        var halted = await h.RunAsync(h.Request(One));
        h.Hosts.Results.Clear();

        var again = await h.RunAsync(h.Request(One) with { Resume = true });

        halted.State.Should().Be(JobState.Halted);
        h.Hosts.Started.Should().HaveCount(6, "continue runs the five hosts the halt left pending");
        h.Hosts.Executions(first).Should().Be(1, "a failed host is not run again without --retry-failed");
        h.StateOf(first).Should().Be(HostRunStateKind.Failed);
        again.State.Should().Be(JobState.Finished);
        again.ExitCode.Should().Be(ExitCode.HostsFailed, "the job still has a failed host");
        h.Store.LoadJob(h.JobId).Hosts.Count(x => x.Kind == HostRunStateKind.Succeeded).Should().Be(5);
    }

    [Fact(Timeout = 30_000)]
    public async Task Continue_with_retry_failed_runs_the_failed_host_again()
    {
        var h = new RunnerHarness();
        var first = h.Ring.Addresses.First();
        h.Hosts.Results[first] = HostRunResult.Exited(2);
        await h.RunAsync(h.Request(One));
        h.Hosts.Results.Clear();

        var retried = await h.RunAsync(h.Request(One) with { Resume = true, RetryFailed = true });

        retried.State.Should().Be(JobState.Finished);
        retried.ExitCode.Should().Be(ExitCode.Success);
        h.Hosts.Executions(first).Should().Be(2);
        h.Store.StartsOf(first).Should().Be(2);
    }

    [Fact(Timeout = 30_000)]
    public async Task After_continue_a_new_failure_halts_again_even_though_an_earlier_failure_is_tolerated()
    {
        var h = new RunnerHarness();
        var hosts = h.Ring.Addresses.ToList();
        h.Hosts.Results[hosts[0]] = HostRunResult.Exited(2);
        await h.RunAsync(h.Request(One));
        h.Hosts.Results[hosts[0]] = HostRunResult.Exited(0);
        h.Hosts.Results[hosts[2]] = HostRunResult.Exited(5);

        var again = await h.RunAsync(h.Request(One) with { Resume = true });

        again.State.Should().Be(JobState.Halted);
        again.ExitCode.Should().Be(ExitCode.HostsFailed);
        h.StateOf(hosts[2]).Should().Be(HostRunStateKind.Failed);
        h.Hosts.Calls.Last().Host.Should().Be(hosts[2], "the new failure halts this run: nothing after it starts");
        h.Hosts.Started.Should().HaveCountLessThan(6);
    }

    [Fact(Timeout = 30_000)]
    public async Task Continue_refuses_with_a_hint_when_a_target_host_left_the_ring()
    {
        var (h, _, _) = await InterruptWhileFirstRunsAsync();
        var smaller = new TestRing().WithNodes(5, racks: 3).WithPlacedKeyspace(TestRing.Nts("ks", ("dc1", 3)));

        var act = () => h.RunAsync(h.Request(One, ring: smaller) with { Resume = true });

        (await act.Should().ThrowAsync<CstarException>())
            .Which.Message.Should().Contain("10.0.0.6").And.Contain("no longer in the ring");
    }
}
