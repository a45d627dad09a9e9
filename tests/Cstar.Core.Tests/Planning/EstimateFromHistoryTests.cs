using Cstar.Core.Jobs;
using Cstar.Core.Planning;
using Cstar.Core.Scheduling;
using Cstar.TestKit.Rings;
using FluentAssertions;
using Xunit;

namespace Cstar.Core.Tests.Planning;

public sealed class EstimateFromHistoryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static HostRunState Host(string host, HostRunStateKind kind, int seconds) =>
        HostRunState.Pending(host) with { Kind = kind, StartedAt = T0, EndedAt = T0.AddSeconds(seconds) };

    [Fact]
    public void The_per_host_figure_is_the_median_time_from_start_to_back_of_the_hosts_that_succeeded()
    {
        var estimate = EstimateFromHistory.From("job-7",
        [
            Host("10.0.0.1", HostRunStateKind.Succeeded, 40),
            Host("10.0.0.2", HostRunStateKind.Succeeded, 100),
            Host("10.0.0.3", HostRunStateKind.Succeeded, 60),
            Host("10.0.0.4", HostRunStateKind.Failed, 5),
            HostRunState.Pending("10.0.0.5"),
        ]);

        estimate.Should().NotBeNull();
        estimate!.PerHost.Should().Be(TimeSpan.FromSeconds(60), "failed and pending hosts say nothing about how long a good run takes");
        estimate.Gate.Should().Be(TimeSpan.Zero, "the wait for return is already inside each host's time");
        estimate.Basis.Should().Be("job job-7: median 1m00s per host from start to back, over 3 host(s)");
    }

    [Fact]
    public void With_an_even_count_the_median_is_the_mean_of_the_middle_two_and_with_no_success_there_is_no_estimate()
    {
        EstimateFromHistory.From("j", [Host("a", HostRunStateKind.Succeeded, 10), Host("b", HostRunStateKind.Succeeded, 30)])!
            .PerHost.Should().Be(TimeSpan.FromSeconds(20));
        EstimateFromHistory.From("j", [Host("a", HostRunStateKind.Failed, 10)]).Should().BeNull();
    }

    [Fact]
    public void The_plan_says_where_its_estimate_comes_from()
    {
        var ring = new TestRing().WithNodes(3).WithPlacedKeyspace(TestRing.Nts("ks", ("dc1", 3)));
        var context = SchedulingContext.Create(ring.Topology, [ring.Map], new SchedulingPolicy { Strategy = SchedulingStrategy.One });
        var estimate = EstimateFromHistory.From("job-7", [Host("10.0.0.1", HostRunStateKind.Succeeded, 90)])!;

        var plan = PlanSimulator.Simulate(context, JobProgress.Create(ring.Addresses), [], estimate);
        var text = PlanRenderer.Render(plan);

        plan.EstimatedDuration.Should().Be(TimeSpan.FromSeconds(270));
        text.Should().StartWith("Dry run: 3 target(s), 3 wave(s), largest wave 1, estimated 4m30s\nestimate from job job-7: median 1m30s per host from start to back, over 1 host(s)\n");
    }
}
