using Cstar.Cli.Logging;
using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.Core.Jobs.Events;
using Cstar.Core.Scheduling;
using FluentAssertions;
using Serilog.Events;
using Xunit;

namespace Cstar.Cli.Tests.Logging;

public sealed class JobLogTests
{
    private static (CollectingSink File, StringWriter Console) Run(int verbose)
    {
        var file = new CollectingSink();
        var console = new StringWriter();
        using (var log = new JobLog(file, "/jobs/x/cstar.log", console, verbose, LogTestData.JobId))
        {
            log.JobStarting(LogTestData.Definition("--seed-host", "10.0.0.1"), 3, SchedulingPolicy.Default, ["cluster c1: rack r9 has one node"], resume: false);
            var observer = log.Subscriber;
            observer.Handle(new DecisionEvent(LogTestData.T0, "job-1", new SchedulingDecision.Start(["10.0.0.1"], "rack r1 is free", [])));
            observer.Handle(new HostChangedEvent(LogTestData.T0, "job-1", "10.0.0.1", HostRunStateKind.Running, false, 42, null, null));
            observer.Handle(new DecisionEvent(LogTestData.T0, "job-1", new SchedulingDecision.Wait("waiting for 10.0.0.1", [])));
            observer.Handle(new GateEvent(LogTestData.T0, "job-1", "10.0.0.1", true, "10.0.0.1 is back", TimeSpan.FromSeconds(3)));
            observer.Handle(new HostChangedEvent(LogTestData.T0, "job-1", "10.0.0.1", HostRunStateKind.Succeeded, false, 42, 0, null));
            log.JobEnded(LogTestData.Outcome());
        }

        return (file, console);
    }

    [Theory]
    [InlineData(0, LogEventLevel.Warning)]
    [InlineData(1, LogEventLevel.Information)]
    [InlineData(2, LogEventLevel.Debug)]
    [InlineData(5, LogEventLevel.Debug)]
    public void The_console_level_is_warning_by_default_information_with_v_and_debug_with_vv(int verbose, LogEventLevel expected) =>
        ConsoleLogLevel.For(verbose).Should().Be(expected);

    [Fact]
    public void The_file_gets_every_event_of_the_run_at_debug()
    {
        var (file, _) = Run(verbose: 0);

        file.Text.Should().Contain($"Job {LogTestData.JobId} starting: command greet, 3 host(s) in [\"c1\"]")
            .And.Contain("cstar " + VersionInfo.Current).And.Contain("reason CHG-42").And.Contain("log /jobs/x/cstar.log")
            .And.Contain("cluster c1: rack r9 has one node")
            .And.Contain("Decision Start [\"10.0.0.1\"]: rack r1 is free")
            .And.Contain("Host 10.0.0.1 Running pid=42")
            .And.Contain("Decision Wait: waiting for 10.0.0.1")
            .And.Contain("Gate 10.0.0.1 passed after 3s")
            .And.Contain("Host 10.0.0.1 Succeeded")
            .And.Contain($"Job {LogTestData.JobId} ended: Finished, exit code 0 (Success): every host done; 3 succeeded");
        file.Events.Min(e => e.Level).Should().Be(LogEventLevel.Debug);
    }

    [Fact]
    public void The_start_line_says_when_no_max_concurrency_is_set_instead_of_null()
    {
        var (file, _) = Run(verbose: 0);
        var start = file.Messages.First(m => m.Contains(" starting: ", StringComparison.Ordinal));

        start.Should().Contain("max-concurrency not set (as the strategy allows)").And.NotContain("null");
    }

    [Fact]
    public void Without_v_the_console_gets_nothing_the_view_does_not_already_print()
    {
        var (_, console) = Run(verbose: 0);

        console.ToString().Should().BeEmpty("the setup warning is printed by the console view already");
    }

    [Fact]
    public void With_v_the_console_gets_the_job_start_and_end_lines_but_no_host_decision_or_gate_line()
    {
        var (_, console) = Run(verbose: 1);

        var lines = console.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(2);
        lines[0].Should().Contain("INF Job " + LogTestData.JobId + " starting").And.Contain("log /jobs/x/cstar.log");
        lines[1].Should().Contain("INF Job " + LogTestData.JobId + " ended");
    }

    [Fact]
    public void With_vv_the_console_also_gets_the_start_decisions_the_view_does_not_print()
    {
        var (_, console) = Run(verbose: 2);

        var text = console.ToString();
        text.Should().Contain("DBG Decision Start [\"10.0.0.1\"]: rack r1 is free");
        text.Should().NotContain("Host 10.0.0.1").And.NotContain("Decision Wait").And.NotContain("Gate ");
    }

    [Fact]
    public void The_job_start_names_each_argument_with_its_literal_value_and_a_secret_only_by_where_it_comes_from()
    {
        var (file, _) = Run(verbose: 0);

        file.Text.Should().Contain("WHO=bob").And.Contain("DB_PASSWORD=<from environment DB_PASSWORD>");
    }

    [Fact]
    public void An_error_is_recorded_in_the_file_only_and_is_not_caught()
    {
        var file = new CollectingSink();
        var console = new StringWriter();
        bool caught;
        using (var log = new JobLog(file, "/jobs/x/cstar.log", console, 2, LogTestData.JobId))
        {
            caught = log.Failed(new InvalidOperationException("the store is gone"));
        }

        caught.Should().BeFalse("the exception filter lets the error reach the one place that prints it");
        var error = file.Events.Should().ContainSingle(e => e.Level == LogEventLevel.Error && e.Exception != null).Which;
        CollectingSink.Render(error).Should().Contain("stopped by an error: the store is gone");
        console.ToString().Should().BeEmpty("cstar prints the error on stderr itself");
    }
}
