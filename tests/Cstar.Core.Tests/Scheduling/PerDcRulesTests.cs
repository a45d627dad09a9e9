using System.Collections.Immutable;
using Cstar.Core.Planning;
using Cstar.Core.Replication;
using Cstar.Core.Scheduling;
using Cstar.TestKit.Rings;
using FluentAssertions;
using Xunit;
using static Cstar.TestKit.Rings.TestRing;

namespace Cstar.Core.Tests.Scheduling;

/// <summary>
/// 2.x/3.x discovery reports every keyspace's class as Other: the replicas per DC must come from each range's
/// endpoints and their nodes' DCs, so LOCAL_QUORUM is kept per DC whatever the class says.
/// </summary>
public sealed class PerDcRulesTests
{
    private static KeyspaceDefinition Unknown(string name, params (string Dc, int Rf)[] factors) =>
        new(name, ReplicationClass.Other, factors.ToImmutableSortedDictionary(f => f.Dc, f => f.Rf, StringComparer.Ordinal));

    private static DryRunPlan Plan(TestRing ring, SchedulingPolicy policy, params string[] down) =>
        PlanSimulator.Simulate(SchedulingContext.Create(ring.Topology, [ring.Map], policy), JobProgress.Create(ring.Addresses), down, PlanEstimate.Default);

    [Fact]
    public void A_keyspace_of_unknown_class_with_one_replica_in_dc2_never_lets_that_replica_go_under_strict_local_quorum()
    {
        var ring = new TestRing().WithNodes(2, "dc1").WithNodes(1, "dc2").WithKeyspace(Unknown("app", ("dc1", 2), ("dc2", 1)), [1, 2, 3], [2, 3, 1]);

        var plan = Plan(ring, PerDcStrict(new SchedulingPolicy { ConsistencyLevel = ConsistencyLevel.LocalQuorum, DcParallel = true }));

        plan.Waves.SelectMany(w => w.Hosts).Should().NotContain(Address(3), "node 3 is app's only dc2 replica: LOCAL_QUORUM in dc2 needs it");
        plan.Blocked.Select(b => b.Address).Should().Contain(Address(3));
    }

    [Fact]
    public void A_keyspace_of_unknown_class_with_a_dc1_node_down_holds_back_exactly_its_dc1_replica_mates_while_dc2_runs()
    {
        var ring = new TestRing().WithNodes(6, "dc1").WithNodes(6, "dc2").WithPlacedKeyspace(Unknown("app", ("dc1", 3), ("dc2", 3)), vnodes: 2);
        var down = Address(1);
        var mates = ring.Map.Keyspaces[0].Ranges.Where(r => r.Endpoints.Contains(down))
            .SelectMany(r => r.Endpoints).Where(a => a != down && ring.InDc("dc1").Contains(a)).ToHashSet();

        var plan = Plan(ring, new SchedulingPolicy { DcParallel = true }, down);

        mates.Should().NotBeEmpty().And.HaveCountLessThan(5);
        plan.Blocked.Select(b => b.Address).Where(a => a != down).Should().BeEquivalentTo(mates);
        plan.Blocked.Where(b => b.Address != down).Should().OnlyContain(b => b.Rule == WaveLimit.Consistency && b.Keyspace == "app" && b.BlockingNodes.Contains(down));
        plan.Waves.SelectMany(w => w.Hosts).Should().BeEquivalentTo(ring.Addresses.Where(a => a != down && !mates.Contains(a)));
        plan.Waves.SelectMany(w => w.Hosts).Should().Contain(ring.InDc("dc2"));
    }

    private static SchedulingPolicy PerDcStrict(SchedulingPolicy policy) => policy with { StrictConsistency = true };
}
