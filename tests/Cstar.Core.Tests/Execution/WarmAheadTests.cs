using System.Collections.Immutable;
using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.Core.Scheduling;
using Cstar.TestKit.Execution;
using FluentAssertions;
using Xunit;

namespace Cstar.Core.Tests.Execution;

/// <summary>The connections of the hosts that start next are opened while the current ones run, once per host.</summary>
public sealed class WarmAheadTests
{
    [Fact(Timeout = 30_000)]
    public async Task Under_strategy_one_every_later_host_is_warmed_before_it_starts_and_no_host_twice()
    {
        var h = new RunnerHarness();
        h.Warmup = new RecordingWarmup(() => h.Hosts.Started.ToList());

        var outcome = await h.RunAsync(h.Request(new SchedulingPolicy { Strategy = SchedulingStrategy.One }));

        outcome.State.Should().Be(JobState.Finished);
        var warmed = h.Warmup.Warmed.ToList();
        warmed.Select(w => w.Host).Should().OnlyHaveUniqueItems();
        var later = h.Hosts.Started.Skip(1).ToList();
        later.Should().HaveCount(5);
        warmed.Where(w => later.Contains(w.Host)).Should().HaveCount(5).And.OnlyContain(w => !w.AlreadyStarted);
    }

    [Fact]
    public void The_lookahead_takes_whole_waves_of_pending_hosts_until_it_holds_sixteen()
    {
        var singles = Enumerable.Range(1, 20).Select(i => ImmutableArray.Create($"h{i}")).ToImmutableArray();
        var progress = JobProgress.Create(singles.SelectMany(w => w)).WithRunning("h1").WithRunning("h2");
        var wide = Enumerable.Range(0, 3).Select(w => Enumerable.Range(1, 10).Select(i => $"w{w}h{i}").ToImmutableArray()).ToImmutableArray();

        WarmAhead.Next(singles, progress).Should().Equal(Enumerable.Range(3, 16).Select(i => $"h{i}"));
        WarmAhead.Next(wide, JobProgress.Create(wide.SelectMany(w => w))).Should().HaveCount(20, "two whole waves of ten");
    }
}
