using System.Collections.Concurrent;
using Cstar.Core.BackPressure;
using Cstar.Core.Errors;
using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.Core.Jobs.Events;
using Cstar.Core.Scheduling;
using FluentAssertions;
using Xunit;

namespace Cstar.Core.Tests.Execution;

/// <summary>The back-pressure gate in the job loop, on the fakes and a manual clock.</summary>
public sealed class JobRunnerBackPressureTests
{
    private static readonly SchedulingPolicy One = new() { Strategy = SchedulingStrategy.One };

    private static JobRunRequest WithLimit(RunnerHarness h, int limit) => h.Request(One) with
    {
        BackPressure = new BackPressureLimits(limit, NoStreaming: false),
        BackPressurePollInterval = TimeSpan.FromSeconds(1),
        BackPressureReportInterval = TimeSpan.FromSeconds(2),
    };

    [Fact(Timeout = 30_000)]
    public async Task A_host_starts_only_when_it_and_its_replicas_are_below_the_limit_and_the_wait_shows_the_figures()
    {
        var h = new RunnerHarness();
        var request = WithLimit(h, 10);
        var first = h.Ring.Addresses.First();
        var replica = request.Context.HostAndReplicas(first).First(a => a != first);
        h.Load.Pending[replica] = 50;
        h.Load.OnRead = host =>
        {
            if (host == replica)
            {
                h.Load.Pending.AddOrUpdate(replica, 0, (_, n) => Math.Max(0, n - 10));
            }
        };
        var pendingAtStarts = new ConcurrentQueue<int>();
        h.Hosts.OnCall = _ => pendingAtStarts.Enqueue(h.Load.Pending.Values.Max());

        var outcome = await h.RunAsync(request);

        outcome.ExitCode.Should().Be(ExitCode.Success);
        pendingAtStarts.Should().HaveCount(6).And.OnlyContain(p => p < 10, "no host starts while it or a replica has 10 or more pending");
        h.Events.OfType<BackPressureWaitEvent>().Should().Contain(e => e.Host == first && !e.Returning
            && e.Figures.Single().StartsWith($"{replica}: 40 pending compactions (limit 10)", StringComparison.Ordinal));
        h.Events.OfType<BackPressurePassEvent>().Should().Contain(e => e.Host == first && e.Waited > TimeSpan.Zero);
        h.Observer.Gates.Should().Contain(g => g.Host == first && !g.Passed && g.Status.Contains("back-pressure holds its start", StringComparison.Ordinal));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_finished_host_counts_back_only_below_the_limit_so_the_next_host_waits_for_it()
    {
        var h = new RunnerHarness();
        var request = WithLimit(h, 10);
        h.Hosts.OnCall = r => h.Load.Pending[r.Host] = 30;
        h.Load.OnRead = host => h.Load.Pending.AddOrUpdate(host, 0, (_, n) => Math.Max(0, n - 5));
        var pendingAtStarts = new ConcurrentQueue<int>();
        h.Hosts.OnCall += _ => pendingAtStarts.Enqueue(h.Load.Pending.Where(p => p.Value != 30).Select(p => p.Value).DefaultIfEmpty(0).Max());

        var outcome = await h.RunAsync(request);

        outcome.ExitCode.Should().Be(ExitCode.Success);
        pendingAtStarts.Should().OnlyContain(p => p < 10, "the previous host counted back only below the limit");
        h.Events.OfType<BackPressureWaitEvent>().Should().Contain(e => e.Returning);
        h.Observer.Gates.Should().Contain(g => !g.Passed && g.Status.StartsWith("back-pressure: ", StringComparison.Ordinal) && g.Status.Contains("pending compactions (limit 10)", StringComparison.Ordinal));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_start_held_past_the_wait_timeout_halts_the_job_with_the_figures_and_nothing_starts()
    {
        var h = new RunnerHarness();
        var request = WithLimit(h, 10);
        var first = h.Ring.Addresses.First();
        h.Load.Pending[first] = 500;

        var outcome = await h.RunAsync(request);

        outcome.State.Should().Be(JobState.Halted);
        outcome.ExitCode.Should().Be(ExitCode.Incomplete);
        outcome.Reason.Should().Contain($"back-pressure held the start of {first}").And.Contain($"{first}: 500 pending compactions (limit 10), steady");
        h.Ring.Addresses.Should().OnlyContain(a => h.Hosts.Executions(a) == 0);
        h.Events.OfType<JobHaltedEvent>().Should().ContainSingle(e => e.Reason.Contains("--wait-timeout", StringComparison.Ordinal));
    }

    [Fact(Timeout = 30_000)]
    public async Task Without_limits_no_load_is_read()
    {
        var h = new RunnerHarness();

        var outcome = await h.RunAsync(h.Request(One));

        outcome.ExitCode.Should().Be(ExitCode.Success);
        h.Load.Reads.Should().BeEmpty();
    }
}
