using Cstar.Core.Planning;
using Cstar.Core.Scheduling;
using Cstar.TestKit.Rings;
using FluentAssertions;
using Xunit;

namespace Cstar.Core.Tests.Scheduling;

/// <summary>cstar's own strategy_test.py expectations on its 48-host synthetic topology, reproduced.</summary>
public sealed class CstarTopologyExpectationsTests
{
    private static DryRunPlan Plan(SchedulingPolicy policy)
    {
        var topology = CstarSyntheticTopology.Topology();
        var context = SchedulingContext.Create(topology, CstarSyntheticTopology.ReplicaMaps(), policy);
        return PlanSimulator.Simulate(context, JobProgress.Create(topology.AllNodes.Select(n => n.Address)), [], PlanEstimate.Default);
    }

    [Fact]
    public void Topology_strategy_all_parallel_runs_16_hosts_at_once_in_3_laps()
    {
        var plan = Plan(new SchedulingPolicy { Strategy = SchedulingStrategy.Topology, ClusterParallel = true, DcParallel = true });

        plan.Waves.Select(w => w.Hosts.Length).Should().Equal(16, 16, 16);
        plan.Outcome.Should().StartWith("all 48 target(s) handled");
    }

    [Fact]
    public void Topology_strategy_cluster_parallel_dc_serial_runs_8_hosts_at_once()
    {
        var plan = Plan(new SchedulingPolicy { Strategy = SchedulingStrategy.Topology, ClusterParallel = true, DcParallel = false });

        plan.MaxWaveSize.Should().Be(8);
        plan.Waves.Should().HaveCount(6);
    }

    [Fact]
    public void Topology_strategy_all_serial_runs_4_hosts_at_once_in_12_laps()
    {
        var plan = Plan(new SchedulingPolicy { Strategy = SchedulingStrategy.Topology });

        plan.Waves.Select(w => w.Hosts.Length).Should().AllBeEquivalentTo(4);
        plan.Waves.Should().HaveCount(12);
    }

    [Fact]
    public void Consistency_awareness_does_not_restrict_the_synthetic_topology_further()
    {
        var aware = Plan(new SchedulingPolicy { ClusterParallel = true, DcParallel = true });
        var unaware = Plan(new SchedulingPolicy { ClusterParallel = true, DcParallel = true, KeepConsistency = false });

        aware.Waves.Select(w => w.Hosts).Should().BeEquivalentTo(unaware.Waves.Select(w => w.Hosts), o => o.WithStrictOrdering());
    }

    [Fact]
    public void Topology_strategy_never_runs_two_replicas_of_a_range_at_once()
    {
        var plan = Plan(new SchedulingPolicy { ClusterParallel = true, DcParallel = true, KeepConsistency = false });
        var maps = CstarSyntheticTopology.ReplicaMaps();

        foreach (var wave in plan.Waves)
        {
            var inWave = wave.Hosts.ToHashSet();
            foreach (var range in maps.SelectMany(m => m.Keyspaces).SelectMany(k => k.Ranges))
            {
                range.Endpoints.Where(e => e.Split('.')[2] == "1").Count(inWave.Contains).Should().BeLessThanOrEqualTo(1);
            }
        }
    }

    [Fact]
    public void One_strategy_runs_one_host_per_dc()
    {
        var plan = Plan(new SchedulingPolicy { Strategy = SchedulingStrategy.One, ClusterParallel = true, DcParallel = true });

        plan.Waves.Select(w => w.Hosts.Length).Should().AllBeEquivalentTo(4);
        plan.Waves.Should().HaveCount(12);
    }

    [Fact]
    public void All_strategy_without_consistency_runs_everything_at_once()
    {
        var plan = Plan(new SchedulingPolicy { Strategy = SchedulingStrategy.All, ClusterParallel = true, DcParallel = true, KeepConsistency = false });

        plan.Waves.Should().ContainSingle().Which.Hosts.Should().HaveCount(48);
    }

    [Fact]
    public void All_strategy_means_every_host_at_once_even_with_consistency_awareness_on()
    {
        var plan = Plan(new SchedulingPolicy { Strategy = SchedulingStrategy.All, ClusterParallel = true, DcParallel = true });

        plan.Waves.Should().ContainSingle().Which.Hosts.Should().HaveCount(48);
    }
}
