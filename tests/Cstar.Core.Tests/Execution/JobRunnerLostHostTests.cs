using Cstar.Core.Errors;
using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.Core.Scheduling;
using Cstar.TestKit.Execution;
using FluentAssertions;
using Xunit;

namespace Cstar.Core.Tests.Execution;

/// <summary>A host whose command's end was not observed is Failed (lost), never Succeeded; an unreachable host is reported while it is retried.</summary>
public sealed class JobRunnerLostHostTests
{
    private static readonly SchedulingPolicy One = new() { Strategy = SchedulingStrategy.One };

    [Fact(Timeout = 30_000)]
    public async Task A_host_that_rebooted_under_a_command_that_does_not_declare_it_is_failed_lost_never_succeeded()
    {
        var h = new RunnerHarness();
        var first = h.Ring.Addresses.First();
        h.Hosts.Results[first] = HostRunResult.Rebooted($"{first} rebooted during the command (a new boot id): its process is gone and left no exit status");

        var outcome = await h.RunAsync(h.Request(One));

        outcome.ExitCode.Should().Be(ExitCode.HostsFailed);
        var state = h.Store.LoadJob(h.JobId).Host(first);
        state.Kind.Should().Be(HostRunStateKind.Failed);
        state.Reason.Should().StartWith("lost: ").And.Contain("rebooted during the command").And.Contain("reboots-host: true");
        h.Observer.Hosts.Should().NotContain(a => a.Host == first && a.State == HostRunStateKind.Succeeded);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_command_that_declares_reboots_host_counts_a_reboot_with_a_new_boot_id_as_its_end_and_gates_the_host()
    {
        var h = new RunnerHarness();
        var first = h.Ring.Addresses.First();
        h.Hosts.Results[first] = HostRunResult.Rebooted($"{first} rebooted during the command (a new boot id)");

        var outcome = await h.RunAsync(h.Request(One) with { CommandRebootsHost = true });

        outcome.ExitCode.Should().Be(ExitCode.Success);
        h.StateOf(first).Should().Be(HostRunStateKind.Succeeded);
        h.Observer.Hosts.Should().Contain(a => a.Host == first && a.AwaitingReturn, "a rebooted host is still gated: it must be seen back");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_lost_host_with_an_unreadable_status_is_failed_with_its_reason_and_halts_the_job()
    {
        var h = new RunnerHarness();
        var first = h.Ring.Addresses.First();
        h.Hosts.Results[first] = HostRunResult.Lost("lost: the node's disk is full: could not write the command's output and exit status");

        var outcome = await h.RunAsync(h.Request(One));

        outcome.State.Should().Be(JobState.Halted);
        outcome.ExitCode.Should().Be(ExitCode.HostsFailed);
        h.Store.LoadJob(h.JobId).Host(first).Reason.Should().Contain("the node's disk is full");
    }

    [Fact(Timeout = 30_000)]
    public async Task An_unreachable_host_is_reported_at_once_then_every_30_seconds_until_it_is_given_up_as_lost()
    {
        var h = new RunnerHarness();
        var host = h.Ring.Addresses.First();
        var runner = new UnreachableHostRunner(h.Clock) { Every = TimeSpan.FromSeconds(5), GiveUpAfter = TimeSpan.FromSeconds(95) };
        var services = new JobRunnerServices(h.Store, h.Outputs, runner, h.Probe, h.Clock);

        var task = new JobRunner(services).RunAsync(h.Request(One, targets: [host]), [h.Observer], CancellationToken.None);
        for (var i = 0; i < 3000 && !task.IsCompleted; i++)
        {
            h.Clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(1, CancellationToken.None);
        }

        var outcome = await task.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);

        var reports = h.Observer.Unreachable.ToList();
        runner.Attempts.Should().BeGreaterThan(10);
        reports.Should().HaveCountGreaterThanOrEqualTo(3).And.HaveCountLessThanOrEqualTo(4, "at once, then every 30 s for 95 s: not on each attempt");
        reports.Should().OnlyContain(r => r.Host == host);
        reports.Zip(reports.Skip(1)).Should().OnlyContain(
            p => p.Second.Time - p.First.Time >= TimeSpan.FromSeconds(30) && p.Second.Time - p.First.Time < TimeSpan.FromSeconds(45),
            "every 30 s: never more often, and no longer silence than one more attempt");
        reports[0].Describe().Should().Contain(host).And.Contain("unreachable since 00:00").And.Contain("reconnecting to follow its command").And.Contain("Connection refused");
        outcome.ExitCode.Should().Be(ExitCode.HostsFailed);
        h.StateOf(host).Should().Be(HostRunStateKind.Failed);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_job_the_caller_created_before_printing_its_id_is_run_without_being_created_again()
    {
        var h = new RunnerHarness();
        var request = h.Request(One) with { Created = true };
        h.Store.CreateJob(request.Definition, request.Hosts);

        var outcome = await h.RunAsync(request);

        outcome.ExitCode.Should().Be(ExitCode.Success);
        h.Store.JobStates.Should().StartWith([JobState.Running]).And.HaveCount(2, "created once (Running), then Finished");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_ctrl_c_before_the_first_host_starts_leaves_a_created_job_interrupted_and_resumable()
    {
        var h = new RunnerHarness();
        var request = h.Request(One) with { Created = true };
        h.Store.CreateJob(request.Definition, request.Hosts);
        using var stop = new CancellationTokenSource();
        await stop.CancelAsync();

        var outcome = await h.RunAsync(request, stop.Token);

        outcome.State.Should().Be(JobState.Interrupted);
        outcome.ExitCode.Should().Be(ExitCode.Incomplete);
        outcome.ResumeCommand.Should().Contain("continue " + h.JobId);
        h.Hosts.Calls.Should().BeEmpty();
    }
}
