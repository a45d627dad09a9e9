using Cstar.Cli.Logging;
using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.Core.Jobs.Events;
using Cstar.Core.Ports;
using Cstar.Core.Scheduling;
using FluentAssertions;
using Serilog;
using Serilog.Events;
using Xunit;

namespace Cstar.Cli.Tests.Logging;

public sealed class JobLogObserverTests
{
    private static readonly DateTimeOffset T0 = LogTestData.T0;
    private readonly CollectingSink _sink = new();
    private readonly JobLogObserver _observer;

    public JobLogObserverTests() =>
        _observer = new JobLogObserver(new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(_sink).CreateLogger());

    private static SchedulingDecision Wait(string reason) =>
        new SchedulingDecision.Wait(reason, [new BlockedHost("10.0.0.2", WaveLimit.Consistency, "a replica of 10.0.0.1")]);

    [Fact]
    public void Each_host_transition_is_one_line_and_a_failure_is_a_warning()
    {
        _observer.Handle(new HostChangedEvent(T0, "job-1", "10.0.0.1", HostRunStateKind.Starting, false, null, null, null));
        _observer.Handle(new HostChangedEvent(T0, "job-1", "10.0.0.1", HostRunStateKind.Running, false, 7, null, null));
        _observer.Handle(new HostChangedEvent(T0, "job-1", "10.0.0.1", HostRunStateKind.Running, false, 7, null, null));
        _observer.Handle(new HostChangedEvent(T0, "job-1", "10.0.0.1", HostRunStateKind.Running, true, 7, 0, "exit 0"));
        _observer.Handle(new HostChangedEvent(T0, "job-1", "10.0.0.1", HostRunStateKind.DidNotComeBack, false, 7, 0, "not UN after 30m"));

        _sink.Messages.Should().Equal(
            "Host 10.0.0.1 Starting pid=null exit=null reason=null",
            "Host 10.0.0.1 Running pid=7 exit=null reason=null",
            "Host 10.0.0.1 command-ended-awaiting-return pid=7 exit=0 reason=exit 0",
            "Host 10.0.0.1 DidNotComeBack pid=7 exit=0 reason=not UN after 30m");
        _sink.Events[^1].Level.Should().Be(LogEventLevel.Warning);
        _sink.Events.Should().OnlyContain(e => e.Properties.ContainsKey(ConsoleLogLevel.ShownProperty), "the console view prints every transition");
    }

    [Fact]
    public void An_unreachable_host_is_a_warning_line_with_the_host_since_when_and_what_is_retried()
    {
        var what = new HostUnreachable(T0.AddSeconds(30), T0, "reconnecting to follow its command", "Connection refused", T0.AddMinutes(10));

        _observer.Handle(new HostUnreachableEvent(T0.AddSeconds(30), "job-1", "10.0.0.1", what));

        _sink.Events.Should().ContainSingle().Which.Level.Should().Be(LogEventLevel.Warning);
        _sink.Messages.Single().Should().StartWith("Host 10.0.0.1 unreachable: 10.0.0.1 unreachable since 12:00:00 UTC (30 s): reconnecting to follow its command");
    }

    [Fact]
    public void A_wait_is_one_line_until_its_reason_changes()
    {
        _observer.Handle(new DecisionEvent(T0, "job-1", Wait("waiting for 10.0.0.1")));
        _observer.Handle(new DecisionEvent(T0, "job-1", Wait("waiting for 10.0.0.1")));
        _observer.Handle(new DecisionEvent(T0, "job-1", Wait("waiting for 10.0.0.3")));
        _observer.Handle(new DecisionEvent(T0, "job-1", new SchedulingDecision.Start(["10.0.0.2"], "10.0.0.1 is back", [])));
        _observer.Handle(new DecisionEvent(T0, "job-1", Wait("waiting for 10.0.0.3")));

        _sink.Messages.Should().Equal(
            "Decision Wait: waiting for 10.0.0.1 held=10.0.0.2: a replica of 10.0.0.1",
            "Decision Wait: waiting for 10.0.0.3 held=10.0.0.2: a replica of 10.0.0.1",
            "Decision Start [\"10.0.0.2\"]: 10.0.0.1 is back",
            "Decision Wait: waiting for 10.0.0.3 held=10.0.0.2: a replica of 10.0.0.1");
        _sink.Events[2].Level.Should().Be(LogEventLevel.Debug);
        _sink.Events[2].Properties.Should().NotContainKey(ConsoleLogLevel.ShownProperty, "the console view does not print start decisions");
    }

    [Fact]
    public void A_blocked_decision_is_a_warning_with_each_held_host_and_why()
    {
        _observer.Handle(new DecisionEvent(T0, "job-1", new SchedulingDecision.Blocked(
            [new BlockedHost("10.0.0.4", WaveLimit.Consistency, "10.0.0.5 is down")], "1 host cannot start")));

        _sink.Events.Should().ContainSingle().Which.Level.Should().Be(LogEventLevel.Warning);
        _sink.Messages.Single().Should().Be("Decision Blocked: 1 host cannot start hosts=10.0.0.4: 10.0.0.5 is down");
    }

    [Fact]
    public void A_gate_is_logged_when_its_status_changes_for_its_target()
    {
        _observer.Handle(new GateEvent(T0, "job-1", "10.0.0.1", false, "10.0.0.1 is DN", TimeSpan.FromSeconds(1)));
        _observer.Handle(new GateEvent(T0, "job-1", "10.0.0.1", false, "10.0.0.1 is DN", TimeSpan.FromSeconds(2)));
        _observer.Handle(new GateEvent(T0, "job-1", null, false, "schema disagreement", TimeSpan.FromSeconds(2)));
        _observer.Handle(new GateEvent(T0, "job-1", "10.0.0.1", true, "10.0.0.1 is back", TimeSpan.FromSeconds(4.3)));

        _sink.Messages.Should().Equal(
            "Gate 10.0.0.1 waiting after 1s: 10.0.0.1 is DN",
            "Gate ring waiting after 2s: schema disagreement",
            "Gate 10.0.0.1 passed after 4.3s: 10.0.0.1 is back");
    }

    [Fact]
    public void Host_output_is_not_logged_because_the_job_folder_keeps_it()
    {
        _observer.Handle(new HostOutputEvent(T0, "job-1", "10.0.0.1", OutputStreamKind.StandardOutput, "password=hunter2\n"));

        _sink.Events.Should().BeEmpty();
    }
}
