using Cstar.Core.Errors;
using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.Core.Jobs.Events;
using Cstar.Core.Scheduling;
using FluentAssertions;
using Xunit;

namespace Cstar.Core.Tests.Execution;

public sealed class JobRunnerTests
{
    private static readonly SchedulingPolicy One = new() { Strategy = SchedulingStrategy.One };

    [Fact(Timeout = 30_000)]
    public async Task A_finished_host_passes_its_gate_on_the_first_quorum_of_peers_while_the_third_peer_has_not_answered()
    {
        var h = new RunnerHarness();
        var target = h.Ring.Addresses.ElementAt(5);
        // The first read (before the first start) hears every peer; from the gate's first poll on, the third viewer is silent.
        h.Probe.OnRead = n =>
        {
            if (n == 2)
            {
                h.Probe.Silent[h.Ring.Addresses.ElementAt(2)] = 0;
            }
        };

        var outcome = await h.RunAsync(h.Request(One, targets: [target]));

        outcome.State.Should().Be(JobState.Finished);
        h.StateOf(target).Should().Be(HostRunStateKind.Succeeded);
        h.Probe.Reads.Should().Be(2);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_gate_reads_the_ring_right_after_the_command_ends()
    {
        var h = new RunnerHarness();

        await h.RunAsync(h.Request(One, targets: [h.Ring.Addresses.ElementAt(5)]));

        h.Events.OfType<GatePassEvent>().Should().ContainSingle(e => e.Host == h.Ring.Addresses.ElementAt(5)).Which.Waited.Should().Be(TimeSpan.Zero);
    }

    [Fact(Timeout = 30_000)]
    public async Task Every_host_runs_once_after_Starting_is_recorded_and_the_job_finishes_with_exit_code_0()
    {
        var h = new RunnerHarness();
        var seenAtStart = new System.Collections.Concurrent.ConcurrentQueue<HostRunStateKind>();
        h.Hosts.OnCall = r => seenAtStart.Enqueue(h.StateOf(r.Host));

        var outcome = await h.RunAsync(h.Request());

        outcome.State.Should().Be(JobState.Finished);
        outcome.ExitCode.Should().Be(ExitCode.Success);
        outcome.ResumeCommand.Should().BeNull();
        seenAtStart.Should().HaveCount(6).And.OnlyContain(k => k == HostRunStateKind.Starting);
        foreach (var host in h.Ring.Addresses)
        {
            h.Hosts.Executions(host).Should().Be(1);
            h.StateOf(host).Should().Be(HostRunStateKind.Succeeded);
            h.Outputs.Out(host).Should().Be($"hello from {host}\n");
        }

        h.Store.ConcurrentWrites.Should().Be(0);
        h.Observer.Overlaps.Should().Be(0);
        h.Observer.Output.Should().HaveCount(6);
        h.Hosts.CleanedUp.Should().HaveCount(6);
        h.Events.Select(e => e.Type).Should().StartWith(JobEventTypes.JobStart).And.EndWith(JobEventTypes.JobEnd).And.Contain(JobEventTypes.GatePass);
    }

    [Fact(Timeout = 30_000)]
    public async Task Strategy_one_starts_the_next_host_only_after_the_previous_one_was_seen_back()
    {
        var h = new RunnerHarness();
        var othersInFlight = new System.Collections.Concurrent.ConcurrentQueue<int>();
        h.Hosts.OnCall = r => othersInFlight.Enqueue(h.Store.Hosts(h.JobId).Count(x => x.Host != r.Host && x.Kind is HostRunStateKind.Starting or HostRunStateKind.Running));
        var first = h.Ring.Addresses.First();
        h.Hosts.OnCall += r =>
        {
            if (r.Host == first)
            {
                h.Probe.Down.TryAdd(first, 0);
            }
        };
        h.Probe.OnRead = n =>
        {
            if (n == 5)
            {
                h.Probe.Down.TryRemove(first, out _);
            }
        };

        var outcome = await h.RunAsync(h.Request(One));

        outcome.ExitCode.Should().Be(ExitCode.Success);
        othersInFlight.Should().HaveCount(6).And.OnlyContain(n => n == 0);
        h.Observer.Gates.Should().Contain(g => g.Host == first && !g.Passed);
        h.Events.OfType<GatePassEvent>().Should().Contain(e => e.Host == first && e.Waited > TimeSpan.Zero);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_first_failure_halts_the_job_and_nothing_new_starts()
    {
        var h = new RunnerHarness();
        var first = h.Ring.Addresses.First();
        h.Hosts.Results[first] = HostRunResult.Exited(3);

        var outcome = await h.RunAsync(h.Request(One));

        outcome.State.Should().Be(JobState.Halted);
        outcome.ExitCode.Should().Be(ExitCode.HostsFailed, "a failed host makes the exit code 1, even when the job can be continued");
        outcome.ResumeCommand.Should().Be("cstar continue job-1");
        h.Hosts.Started.Should().Equal(first);
        h.StateOf(first).Should().Be(HostRunStateKind.Failed);
        h.Store.LoadJob(h.JobId).Host(first).ExitCode.Should().Be(3);
        h.Events.Should().ContainSingle(e => e is JobHaltedEvent);
    }

    [Fact(Timeout = 30_000)]
    public async Task Max_failures_lets_the_job_go_on_and_it_ends_with_exit_code_1()
    {
        var h = new RunnerHarness();
        var hosts = h.Ring.Addresses.ToList();
        h.Hosts.Results[hosts[0]] = HostRunResult.Exited(1);
        h.Hosts.Results[hosts[3]] = HostRunResult.TimedOut("timed out after 1 s");

        var outcome = await h.RunAsync(h.Request(One with { HaltOnFailure = false }) with { MaxFailures = 2 });

        outcome.State.Should().Be(JobState.Finished);
        outcome.ExitCode.Should().Be(ExitCode.HostsFailed);
        h.Hosts.Started.Should().HaveCount(6);
        h.StateOf(hosts[3]).Should().Be(HostRunStateKind.TimedOut);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_host_that_does_not_come_back_within_the_wait_timeout_did_not_come_back_and_the_job_halts()
    {
        var h = new RunnerHarness();
        var first = h.Ring.Addresses.First();
        h.Hosts.OnCall = r => h.Probe.Down.TryAdd(r.Host, 0);

        var outcome = await h.RunAsync(h.Request(One));

        outcome.State.Should().Be(JobState.Halted);
        h.StateOf(first).Should().Be(HostRunStateKind.DidNotComeBack);
        h.Store.LoadJob(h.JobId).Host(first).Reason.Should().Contain("did not come back within 10 s").And.Contain("seen UN by 0 of");
        h.Hosts.Started.Should().Equal(first);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_node_not_run_by_the_job_that_goes_down_mid_job_stops_new_starts_and_halts_after_the_wait_timeout()
    {
        var h = new RunnerHarness();
        var hosts = h.Ring.Addresses.ToList();
        h.Hosts.OnCall = _ => h.Probe.Down.TryAdd(hosts[5], 0);

        var outcome = await h.RunAsync(h.Request(One, targets: hosts.Take(4)));

        outcome.State.Should().Be(JobState.Halted);
        outcome.Reason.Should().Contain(hosts[5]).And.Contain("went down during the job");
        h.Hosts.Started.Should().Equal(hosts[0]);
        h.StateOf(hosts[0]).Should().Be(HostRunStateKind.Succeeded);
        h.Observer.Gates.Should().Contain(g => g.Host == null && g.Status.Contains(hosts[5], StringComparison.Ordinal));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_host_back_for_a_quorum_but_still_down_for_a_slow_peer_is_named_as_run_by_this_job_not_as_a_foreign_node()
    {
        var h = new RunnerHarness();
        var hosts = h.Ring.Addresses.ToList();
        var first = hosts[5]; // not one of the three viewers (hosts 0–2): three peers judge it, a quorum of two suffices
        h.Hosts.OnCall = r =>
        {
            if (r.Host == first)
            {
                h.Probe.Down.TryAdd(first, 0);
            }
        };
        h.Probe.OnRead = n =>
        {
            if (n == 3)
            {
                h.Probe.Down.TryRemove(first, out _);
                h.Probe.SeenDownOnlyBy[first] = hosts[1];
            }

            if (n == 7)
            {
                h.Probe.SeenDownOnlyBy.TryRemove(first, out _);
            }
        };

        var outcome = await h.RunAsync(h.Request(One, targets: [first]));

        outcome.ExitCode.Should().Be(ExitCode.Success);
        var reasons = h.Observer.Gates.Where(g => g.Host is null && !g.Passed).Select(g => g.Status).ToList();
        reasons.Should().Contain(r => r.Contains($"{first} (run by this job) is back for a quorum of its peers but still down in the view of {hosts[1]}"));
        reasons.Should().NotContain(r => r.Contains("not run by this job"));
    }

    [Fact(Timeout = 30_000)]
    public async Task Hosts_still_down_for_the_same_slow_peer_share_one_sentence_that_names_each_host_and_the_peer_once()
    {
        var h = new RunnerHarness();
        var hosts = h.Ring.Addresses.ToList();
        string[] ran = [hosts[4], hosts[5]]; // not viewers (hosts 0–2)
        h.Hosts.OnCall = r => h.Probe.Down.TryAdd(r.Host, 0);
        h.Probe.OnRead = n =>
        {
            foreach (var host in ran)
            {
                if (n == 3)
                {
                    h.Probe.Down.TryRemove(host, out _);
                    h.Probe.SeenDownOnlyBy[host] = hosts[1];
                }

                if (n == 7)
                {
                    h.Probe.SeenDownOnlyBy.TryRemove(host, out _);
                }
            }
        };

        var outcome = await h.RunAsync(h.Request(SchedulingPolicy.Default with { Strategy = SchedulingStrategy.All }, targets: ran));

        outcome.ExitCode.Should().Be(ExitCode.Success);
        var reason = h.Observer.Gates.Where(g => g.Host is null && !g.Passed).Select(g => g.Status).Distinct().Should().ContainSingle().Subject;
        reason.Should().Contain($"(run by this job) are back for a quorum of their peers but still down in the view of {hosts[1]}");
        reason.Split(hosts[1]).Should().HaveCount(2, "the slow peer is named once");
        reason.Split(ran[0]).Should().HaveCount(2, "each host is named once");
    }

    [Fact(Timeout = 30_000)]
    public async Task Stop_after_starts_that_many_hosts_and_the_job_stays_resumable()
    {
        var h = new RunnerHarness();

        var outcome = await h.RunAsync(h.Request(One) with { StopAfter = 2 });

        outcome.State.Should().Be(JobState.StoppedAfter);
        outcome.ExitCode.Should().Be(ExitCode.Incomplete);
        h.Hosts.Started.Should().HaveCount(2);
        outcome.Hosts.Pending.Should().Be(4);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_unhealthy_ring_blocks_the_first_start_with_exit_code_5()
    {
        var h = new RunnerHarness();
        h.Probe.Down.TryAdd(h.Ring.Addresses.Last(), 0);

        var outcome = await h.RunAsync(h.Request());

        outcome.ExitCode.Should().Be(ExitCode.Blocked);
        outcome.Reason.Should().Contain("DN");
        h.Hosts.Started.Should().BeEmpty();
    }

    [Fact(Timeout = 30_000)]
    public async Task With_wait_for_cql_a_host_is_back_only_when_its_CQL_port_answers()
    {
        var h = new RunnerHarness();
        var first = h.Ring.Addresses.First();
        h.Hosts.OnCall = r => h.Probe.CqlNotReady.TryAdd(r.Host, 0);
        h.Probe.OnRead = n =>
        {
            if (n == 6)
            {
                h.Probe.CqlNotReady.TryRemove(first, out _);
            }
        };

        var outcome = await h.RunAsync(h.Request(One, targets: [first]) with { RequireCql = true });

        outcome.ExitCode.Should().Be(ExitCode.Success);
        h.Observer.Gates.Should().Contain(g => g.Host == first && g.Status.Contains("CQL", StringComparison.Ordinal));
    }
}
