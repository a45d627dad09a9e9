using Cstar.Core.Planning;
using Cstar.Core.Scheduling;
using Cstar.TestKit.Rings;
using FluentAssertions;
using Xunit;
using static Cstar.TestKit.Rings.TestRing;

namespace Cstar.Core.Tests.Scheduling;

/// <summary>
/// A stock cluster (system keyspaces as Cassandra ships them: SimpleStrategy, racks ignored) must plan like cstar:
/// one rack of one DC at a time, not one host at a time to protect tracing and repair history.
/// </summary>
public sealed class StockTopologyWavesTests
{
    private static TestRing StockRing(int nodesPerDc) => SystemKeyspaces.StockTwoDcRing(nodesPerDc);

    [Theory]
    [InlineData(6)]
    [InlineData(15)]
    [InlineData(30)]
    public void Two_dcs_of_three_racks_with_nts_rf3_and_stock_system_keyspaces_plan_in_6_waves_of_a_sixth_of_the_nodes(int nodesPerDc)
    {
        var ring = StockRing(nodesPerDc);
        var policy = StrategyResolver.Resolve(new StrategyFlags { Strategy = "topology", DcSerial = true }, SchedulingPolicy.Default);

        var plan = PlanSimulator.Simulate(
            SchedulingContext.Create(ring.Topology, [ring.Map], policy), JobProgress.Create(ring.Addresses), [], PlanEstimate.Default);

        plan.Blocked.Should().BeEmpty();
        plan.Waves.Select(w => w.Hosts.Length).Should().Equal(Enumerable.Repeat(2 * nodesPerDc / 6, 6), "one rack of one DC at a time");
        plan.Waves.SelectMany(w => w.Hosts).Should().OnlyHaveUniqueItems().And.HaveCount(2 * nodesPerDc);
    }

    [Fact]
    public void Covering_the_simple_strategy_system_keyspaces_again_costs_the_rack_waves_which_is_why_they_are_left_out()
    {
        var ring = StockRing(6);
        var policy = StrategyResolver.Resolve(new StrategyFlags { Strategy = "topology", DcSerial = true }, SchedulingPolicy.Default)
            with
        { IncludeSystemKeyspaces = true };

        var plan = PlanSimulator.Simulate(
            SchedulingContext.Create(ring.Topology, [ring.Map], policy), JobProgress.Create(ring.Addresses), [], PlanEstimate.Default);

        plan.Waves.Should().HaveCountGreaterThan(6, "system_distributed RF 3 and system_traces RF 2 ignore racks");
    }
}
