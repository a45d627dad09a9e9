using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.Core.Jobs.Events;
using Cstar.Core.Ports;
using Cstar.Core.Scheduling;
using FluentAssertions;
using Xunit;

namespace Cstar.Core.Tests.Execution;

/// <summary>
/// Hosts that end together share one gate read, and a read nothing else waits on is the only one held back. The manual
/// clock does not move here unless a test moves it (a tick per reading, as a real clock never reads the same twice):
/// what happens follows from the order of events alone.
/// </summary>
public sealed class JobRunnerGateSharingTests
{
    private static readonly SchedulingPolicy All = new() { Strategy = SchedulingStrategy.All, DcParallel = true };

    private static RunnerHarness Harness()
    {
        var h = new RunnerHarness();
        h.Clock.TickOnRead = TimeSpan.FromTicks(1);
        return h;
    }

    /// <summary>Runs with the clock standing still: only the events move the job on (bounded, in case it never ends).</summary>
    private static Task<JobOutcome> RunStillAsync(RunnerHarness h, JobRunRequest request) =>
        h.Runner.RunAsync(request, [.. h.OtherSubscribers, h.Observer], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

    /// <summary>Holds every target, then lets them end one after the other, each as soon as the previous one has ended.</summary>
    private static List<string> EndOneAfterAnother(RunnerHarness h, int count)
    {
        var targets = h.Ring.Addresses.Take(count).ToList();
        foreach (var target in targets)
        {
            h.Hosts.Hold.Add(target);
        }

        var calls = 0;
        h.Hosts.OnCall = _ =>
        {
            if (Interlocked.Increment(ref calls) == targets.Count)
            {
                h.Hosts.Release(targets[0]);
            }
        };
        h.OtherSubscribers.Add(new OnEvent(e =>
        {
            if (e is HostChangedEvent { AwaitingReturn: true } ended && targets.IndexOf(ended.Host) is var i && i + 1 < targets.Count)
            {
                h.Hosts.Release(targets[i + 1]);
            }
        }));
        return targets;
    }

    [Fact(Timeout = 30_000)]
    public async Task Hosts_of_an_all_wave_that_end_one_after_another_share_one_gate_read()
    {
        var h = Harness();
        var targets = EndOneAfterAnother(h, 6);

        var outcome = await RunStillAsync(h, h.Request(All, targets));

        outcome.State.Should().Be(JobState.Finished);
        h.Probe.SchemaReads.Should().Be(1);
        (h.Probe.Reads - h.Probe.SchemaReads).Should().Be(1, "the hosts that ended first wait for the others; the last one's end starts the one read");
        h.Events.OfType<GatePassEvent>().Select(e => e.Host).Should().BeEquivalentTo(targets);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_host_whose_return_lets_another_start_is_read_at_once_though_others_still_run()
    {
        var h = Harness();
        var targets = h.Ring.Addresses.Take(3).ToList();
        // Two at a time: the first host's return is what lets the third start; the second runs until the first is back.
        h.Hosts.Hold.Add(targets[1]);
        h.OtherSubscribers.Add(new OnEvent(e =>
        {
            if (e is GatePassEvent { Host: var host } && host == targets[0])
            {
                h.Hosts.Release(targets[1]);
            }
        }));

        var outcome = await RunStillAsync(h, h.Request(All with { MaxConcurrency = 2 }, targets));

        outcome.State.Should().Be(JobState.Finished);
        h.Hosts.Started.Should().BeEquivalentTo(targets);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_host_whose_answer_nothing_waits_for_is_still_read_while_others_run_on()
    {
        var h = Harness();
        var targets = h.Ring.Addresses.Take(2).ToList();
        // The second host runs until the first is seen back: a read held until every command ended would never come.
        h.Hosts.Hold.Add(targets[1]);
        h.OtherSubscribers.Add(new OnEvent(e =>
        {
            if (e is GatePassEvent { Host: var host } && host == targets[0])
            {
                h.Hosts.Release(targets[1]);
            }
        }));

        var outcome = await h.RunAsync(h.Request(All, targets));

        outcome.State.Should().Be(JobState.Finished);
        h.Events.OfType<GatePassEvent>().Select(e => e.Host).Should().Equal(targets);
    }

    private sealed class OnEvent(Action<JobEvent> handle) : IJobEventSubscriber
    {
        public string Name => "test hook";

        public void Handle(JobEvent jobEvent) => handle(jobEvent);
    }
}
