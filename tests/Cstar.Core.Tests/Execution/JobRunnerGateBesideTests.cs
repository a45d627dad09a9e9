using Cstar.Core.Jobs;
using Cstar.Core.Jobs.Events;
using Cstar.Core.Ports;
using Cstar.Core.Scheduling;
using FluentAssertions;
using Xunit;

namespace Cstar.Core.Tests.Execution;

/// <summary>Gate reads run beside the loop: a slow read holds no other decision, and never decides a host that ended after it began.</summary>
public sealed class JobRunnerGateBesideTests
{
    private static readonly SchedulingPolicy AllTwoAtATime = new() { Strategy = SchedulingStrategy.All, DcParallel = true, MaxConcurrency = 2 };

    [Fact(Timeout = 60_000)]
    public async Task A_gate_read_in_flight_does_not_hold_the_return_of_another_host_nor_the_next_start()
    {
        var h = new RunnerHarness();
        string? second = null;
        // The second host of the first wave runs until the first gate read began.
        h.Hosts.OnCall = request =>
        {
            if (h.Hosts.Calls.Count == 1)
            {
                second = request.Host;
                h.Hosts.Hold.Add(request.Host);
            }
        };
        var slowRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Probe.HeldReads[2] = slowRead;
        // The first gate read (read 2, for the first host only) hangs; meanwhile the second host's command ends.
        h.Probe.OnRead = n =>
        {
            if (n == 2)
            {
                h.Hosts.Release(second!);
            }
        };
        // The slow read answers only once a third host started: a loop that waits for it never gets there.
        h.OtherSubscribers.Add(new OnEvent(e =>
        {
            if (e is HostChangedEvent { State: HostRunStateKind.Starting } && h.Hosts.Started.Count() >= 3)
            {
                slowRead.TrySetResult();
            }
        }));

        var outcome = await h.RunAsync(h.Request(AllTwoAtATime));

        outcome.State.Should().Be(JobState.Finished);
        h.Hosts.Started.Should().HaveCount(6);
        slowRead.Task.IsCompleted.Should().BeTrue();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_gate_read_begun_before_a_hosts_command_ended_never_decides_its_return()
    {
        var h = new RunnerHarness();
        var first = h.Ring.Addresses.ElementAt(0);
        var second = h.Ring.Addresses.ElementAt(1);
        h.Hosts.Hold.Add(second);
        var slowRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Probe.HeldReads[2] = slowRead;
        var readsWhenSecondPassed = 0;
        h.Probe.OnRead = n =>
        {
            switch (n)
            {
                case 2:
                    // Read 2 sees the second host UN (its command still runs), then hangs; the command ends meanwhile.
                    h.Hosts.Release(second);
                    break;
                case 3:
                    // The command left the host down (a restart): every read begun after its end sees it DN.
                    h.Probe.Down[second] = 0;
                    break;
                case 4:
                    slowRead.TrySetResult();
                    break;
                case 6:
                    h.Probe.Down.TryRemove(second, out _);
                    break;
            }
        };
        h.OtherSubscribers.Add(new OnEvent(e =>
        {
            if (e is GatePassEvent pass && pass.Host == second)
            {
                readsWhenSecondPassed = h.Probe.Reads;
            }
        }));

        var outcome = await h.RunAsync(h.Request(AllTwoAtATime, targets: [first, second]));

        outcome.State.Should().Be(JobState.Finished);
        readsWhenSecondPassed.Should().Be(6, "only a read begun after it came back may pass it, never the stale read 2 that answered late");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_host_that_ends_while_every_read_slot_is_taken_is_read_as_soon_as_a_slot_frees_not_after_another_hosts_back_off()
    {
        // The clock moves a tick on every read, as a real one does: "due now" must not depend on reading it twice.
        var h = new RunnerHarness();
        h.Clock.TickOnRead = TimeSpan.FromTicks(1);
        var targets = h.Ring.Addresses.Take(4).ToList();
        foreach (var target in targets)
        {
            h.Hosts.Hold.Add(target);
        }

        var calls = 0;
        h.Hosts.OnCall = _ =>
        {
            if (Interlocked.Increment(ref calls) == 4)
            {
                h.Hosts.Release(targets[0]);
            }
        };
        var held = new[] { 2, 3, 4 }.ToDictionary(n => n, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        foreach (var (n, read) in held)
        {
            h.Probe.HeldReads[n] = read;
        }

        // Reads 2, 3 and 4 (one per ended host) hang, each letting the next host end: the last one ends with no read slot free.
        h.Probe.OnRead = n =>
        {
            if (n is >= 2 and <= 4)
            {
                h.Hosts.Release(targets[n - 1]);
            }
        };
        TimeSpan? lastWaited = null;
        h.OtherSubscribers.Add(new OnEvent(e =>
        {
            if (e is HostChangedEvent { AwaitingReturn: true } ended && ended.Host == targets[3])
            {
                foreach (var read in held.Values)
                {
                    read.TrySetResult();
                }
            }

            if (e is GatePassEvent pass && pass.Host == targets[3])
            {
                lastWaited = pass.Waited;
            }
        }));
        var backOff = TimeSpan.FromHours(1);
        var request = h.Request(new SchedulingPolicy { Strategy = SchedulingStrategy.All, DcParallel = true }, targets) with
        {
            GateInitialDelay = backOff,
            GateMaxDelay = backOff,
            WaitTimeout = 2 * backOff,
        };

        var outcome = await h.RunAsync(request);

        outcome.State.Should().Be(JobState.Finished);
        lastWaited.Should().NotBeNull().And.BeLessThan(backOff, "its first read is due when a slot frees; the back-off set by the first host's read is not its own");
    }

    private sealed class OnEvent(Action<JobEvent> handle) : IJobEventSubscriber
    {
        public string Name => "test hook";

        public void Handle(JobEvent jobEvent) => handle(jobEvent);
    }
}
