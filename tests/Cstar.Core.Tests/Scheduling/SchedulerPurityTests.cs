using Cstar.Core.Scheduling;
using Cstar.TestKit.Rings;
using FluentAssertions;
using Xunit;
using static Cstar.TestKit.Rings.TestRing;

namespace Cstar.Core.Tests.Scheduling;

public sealed class SchedulerPurityTests
{
    private static readonly TestRing Ring = new TestRing().WithNodes(9, racks: 3).WithPlacedKeyspace(Nts("ks", ("dc1", 3)), vnodes: 8);

    [Fact]
    public void The_same_input_gives_the_same_decision_whatever_was_decided_before()
    {
        var context = SchedulingContext.Create(Ring.Topology, [Ring.Map], new SchedulingPolicy { Strategy = SchedulingStrategy.All });
        var fresh = SchedulingContext.Create(Ring.Topology, [Ring.Map], context.Policy);
        var busy = JobProgress.Create(Ring.Addresses).WithRunning(Address(1)).WithRunning(Address(5));
        var idle = JobProgress.Create(Ring.Addresses);

        var first = Scheduler.Decide(ScheduleInput.Create(context, busy, [Address(9)]));
        var second = Scheduler.Decide(ScheduleInput.Create(context, idle));
        var again = Scheduler.Decide(ScheduleInput.Create(context, busy, [Address(9)]));

        second.Should().BeEquivalentTo(Scheduler.Decide(ScheduleInput.Create(fresh, idle)));
        again.Should().BeEquivalentTo(first);
    }

    [Fact]
    public void Dc_serial_does_not_move_on_while_the_active_dc_is_blocked()
    {
        var ring = new TestRing().WithNodes(3, "dc1").WithNodes(3, "dc2")
            .WithKeyspace(Nts("ks", ("dc1", 3), ("dc2", 3)), [1, 2, 3, 4, 5, 6]);
        var context = SchedulingContext.Create(ring.Topology, [ring.Map], SchedulingPolicy.Default);
        var progress = JobProgress.Create([Address(2), Address(3), Address(4), Address(5), Address(6)]);

        var decision = Scheduler.Decide(ScheduleInput.Create(context, progress, [Address(1)]));

        var blocked = decision.Should().BeOfType<SchedulingDecision.Blocked>().Which.Hosts;
        blocked.Where(b => b.Rule == WaveLimit.Consistency).Select(b => b.Address).Should().BeEquivalentTo(Address(2), Address(3));
        blocked.Where(b => b.Rule == WaveLimit.DcSerial).Select(b => b.Address).Should().BeEquivalentTo(Address(4), Address(5), Address(6));
    }

    [Fact]
    public void Cluster_serial_finishes_one_cluster_before_the_next_and_cluster_parallel_runs_both()
    {
        var topology = CstarSyntheticTopology.Topology();
        var maps = CstarSyntheticTopology.ReplicaMaps();
        var serial = SchedulingContext.Create(topology, maps, new SchedulingPolicy { DcParallel = true });
        var parallel = SchedulingContext.Create(topology, maps, new SchedulingPolicy { DcParallel = true, ClusterParallel = true });
        var progress = JobProgress.Create(topology.AllNodes.Select(n => n.Address));

        var one = Scheduler.Decide(ScheduleInput.Create(serial, progress)).Should().BeOfType<SchedulingDecision.Start>().Which;
        var both = Scheduler.Decide(ScheduleInput.Create(parallel, progress)).Should().BeOfType<SchedulingDecision.Start>().Which;

        one.Hosts.Should().HaveCount(8).And.OnlyContain(h => h.StartsWith("10.1.", StringComparison.Ordinal));
        one.BoundedBy.Should().Contain(WaveLimit.ClusterSerial);
        both.Hosts.Should().HaveCount(16);
    }

    [Fact]
    public void Test_placement_puts_nts_replicas_in_distinct_racks_when_there_are_enough()
    {
        var ring = new TestRing().WithNodes(12, racks: 4).WithPlacedKeyspace(Nts("ks", ("dc1", 3)), vnodes: 32);
        var rackOf = ring.Nodes.ToDictionary(n => n.Address, n => n.Rack);

        ring.Map.Keyspaces[0].Ranges.Should().OnlyContain(r => r.Endpoints.Length == 3 && r.Endpoints.Select(e => rackOf[e]).Distinct().Count() == 3);
    }
}
