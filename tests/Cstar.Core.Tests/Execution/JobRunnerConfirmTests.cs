using Cstar.Core.Errors;
using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.Core.Ports;
using Cstar.Core.Scheduling;
using Cstar.TestKit.Execution;
using FluentAssertions;
using Xunit;

namespace Cstar.Core.Tests.Execution;

/// <summary>--confirm: the operator is asked before each host, and yes / no / all / quit do what they say.</summary>
public sealed class JobRunnerConfirmTests
{
    private static readonly SchedulingPolicy One = new() { Strategy = SchedulingStrategy.One };

    [Fact(Timeout = 30_000)]
    public async Task Each_host_is_asked_about_before_anything_is_recorded_for_it_and_no_skips_it_without_running_it()
    {
        var h = new RunnerHarness();
        var confirm = new ScriptedConfirmation(ConfirmAnswer.Yes, ConfirmAnswer.No, ConfirmAnswer.Yes, ConfirmAnswer.Yes, ConfirmAnswer.Yes, ConfirmAnswer.Yes);
        var statesWhenAsked = new List<HostRunStateKind>();
        confirm.OnAsk = host => statesWhenAsked.Add(h.StateOf(host));
        h.Confirmation = confirm;

        var outcome = await h.RunAsync(h.Request(One));

        var declined = confirm.Asked.ElementAt(1);
        confirm.Asked.Should().HaveCount(6).And.OnlyHaveUniqueItems();
        statesWhenAsked.Should().OnlyContain(k => k == HostRunStateKind.Pending, "nothing is persisted, let alone run, before the answer");
        h.Hosts.Executions(declined).Should().Be(0);
        h.StateOf(declined).Should().Be(HostRunStateKind.Skipped);
        h.Store.LoadJob(h.JobId).Host(declined).Reason.Should().Contain("declined at the --confirm prompt");
        h.Hosts.Started.Should().HaveCount(5);
        outcome.State.Should().Be(JobState.Finished);
        outcome.ExitCode.Should().Be(ExitCode.Success);
    }

    [Fact(Timeout = 30_000)]
    public async Task All_runs_this_host_and_every_later_one_without_asking_again()
    {
        var h = new RunnerHarness();
        var confirm = new ScriptedConfirmation(ConfirmAnswer.Yes, ConfirmAnswer.All);
        h.Confirmation = confirm;

        var outcome = await h.RunAsync(h.Request());

        confirm.Asked.Should().HaveCount(2);
        h.Hosts.Started.Should().HaveCount(6);
        outcome.ExitCode.Should().Be(ExitCode.Success);
    }

    [Fact(Timeout = 30_000)]
    public async Task Quit_starts_nothing_more_and_continue_runs_the_rest_without_running_any_host_twice()
    {
        var h = new RunnerHarness();
        h.Confirmation = new ScriptedConfirmation(ConfirmAnswer.Yes, ConfirmAnswer.Quit);

        var quit = await h.RunAsync(h.Request(One));
        var startedBeforeContinue = h.Hosts.Started.ToList();
        h.Confirmation = null;
        var resumed = await h.RunAsync(h.Request(One) with { Resume = true });

        quit.State.Should().Be(JobState.Halted);
        quit.ExitCode.Should().Be(ExitCode.Incomplete);
        quit.Reason.Should().Contain("quit at the --confirm prompt");
        quit.ResumeCommand.Should().Be("cstar continue job-1");
        startedBeforeContinue.Should().HaveCount(1);
        resumed.ExitCode.Should().Be(ExitCode.Success);
        h.Ring.Addresses.Should().OnlyContain(a => h.Hosts.Executions(a) == 1);
    }

    [Fact(Timeout = 30_000)]
    public async Task Ctrl_C_while_the_question_is_open_stops_the_job_and_starts_nothing()
    {
        var h = new RunnerHarness();
        using var stop = new CancellationTokenSource();
        h.Confirmation = new BlockingConfirmation(stop);

        var outcome = await h.RunAsync(h.Request(One), stop.Token);

        outcome.State.Should().Be(JobState.Interrupted);
        h.Hosts.Started.Should().BeEmpty();
        h.Store.LoadJob(h.JobId).Hosts.Should().OnlyContain(x => x.Kind == HostRunStateKind.Pending);
    }

    /// <summary>Never answers: the operator presses Ctrl+C instead.</summary>
    private sealed class BlockingConfirmation(CancellationTokenSource ctrlC) : IHostConfirmation
    {
        public async Task<ConfirmAnswer> ConfirmAsync(HostPlacement host, CancellationToken cancellationToken)
        {
            await ctrlC.CancelAsync();
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return ConfirmAnswer.Yes;
        }
    }
}
