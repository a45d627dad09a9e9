using System.Collections.Immutable;
using Cstar.Core.Planning;
using Cstar.Core.Replication;
using Cstar.Core.Scheduling;
using Cstar.TestKit.Rings;
using FluentAssertions;
using Xunit;
using static Cstar.TestKit.Rings.TestRing;

namespace Cstar.Core.Tests.Scheduling;

public sealed class KeyspacePolicyTests
{
    private static KeyspaceDefinition Unknown(string name, params (string Dc, int Rf)[] factors) =>
        new(name, ReplicationClass.Other, factors.ToImmutableSortedDictionary(f => f.Dc, f => f.Rf, StringComparer.Ordinal));

    private static TestRing StockRing()
    {
        var ring = new TestRing().WithNodes(6, "dc1", racks: 3).WithNodes(6, "dc2", racks: 3).WithPlacedKeyspace(Nts("app", ("dc1", 3), ("dc2", 3)));
        foreach (var keyspace in SystemKeyspaces.Stock())
        {
            ring.WithPlacedKeyspace(keyspace);
        }

        return ring;
    }

    [Fact]
    public void An_unknown_class_keyspace_with_two_replicas_in_dc1_and_one_in_dc2_cannot_keep_local_quorum_in_either_dc()
    {
        var ring = new TestRing().WithNodes(2, "dc1").WithNodes(1, "dc2").WithKeyspace(Unknown("app", ("dc1", 2), ("dc2", 1)), [1, 2, 3], [2, 3, 1]);

        var context = SchedulingContext.Create(ring.Topology, [ring.Map], new SchedulingPolicy { ConsistencyLevel = ConsistencyLevel.LocalQuorum, DcParallel = true });
        var plan = PlanSimulator.Simulate(context, JobProgress.Create(ring.Addresses), [], PlanEstimate.Default);

        var app = context.Keyspaces.Should().ContainSingle().Subject;
        app.Coverage.Should().Be(KeyspaceCoverage.Unkeepable);
        app.UnkeepableIn.Should().Equal("dc1", "dc2");
        app.ReplicasPerDc.Should().Be("dc1 2, dc2 1");
        context.Warnings.Should().ContainSingle().Which.Should().Contain("keyspace app (dc1 2, dc2 1) cannot keep LOCAL_QUORUM in dc1 or dc2")
            .And.Contain("ALTER KEYSPACE app WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 2, 'dc2': 1}")
            .And.NotContain("QUORUM in all DCs");
        context.KeyspacePolicyLines.Should().Contain(l => l.Contains("app: dc1 2, dc2 1 (LOCAL_QUORUM cannot be kept in dc1 or dc2"));
        plan.Blocked.Should().BeEmpty();
        plan.Waves.Should().HaveCount(3).And.OnlyContain(w => w.Hosts.Length == 1, "no two of app's replicas run at once");
    }

    [Fact]
    public void By_default_user_keyspaces_and_system_auth_are_covered_and_traces_and_distributed_are_left_out()
    {
        var ring = StockRing();

        var context = SchedulingContext.Create(ring.Topology, [ring.Map], SchedulingPolicy.Default);
        var included = SchedulingContext.Create(ring.Topology, [ring.Map], new SchedulingPolicy { IncludeSystemKeyspaces = true });
        var named = SchedulingContext.Create(ring.Topology, [ring.Map], new SchedulingPolicy { KeyspaceFilter = ["app", "system_traces"] });

        context.Keyspaces.ToDictionary(k => k.Keyspace, k => k.Coverage).Should().Equal(new Dictionary<string, KeyspaceCoverage>
        {
            ["app"] = KeyspaceCoverage.Covered,
            ["system_auth"] = KeyspaceCoverage.Unkeepable,
            ["system_distributed"] = KeyspaceCoverage.LeftOut,
            ["system_traces"] = KeyspaceCoverage.LeftOut,
        });
        context.Keyspaces.Single(k => k.Keyspace == "system_traces").Why.Should().Contain("--include-system-keyspaces");
        context.Warnings.Should().ContainSingle().Which.Should().Contain("keyspace system_auth")
            .And.Contain("logins")
            .And.Contain("ALTER KEYSPACE system_auth WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 3, 'dc2': 3}")
            .And.Contain("nodetool repair system_auth");
        included.Keyspaces.Single(k => k.Keyspace == "system_traces").Coverage.Should().Be(KeyspaceCoverage.Unkeepable);
        included.Keyspaces.Single(k => k.Keyspace == "system_distributed").Coverage.Should().Be(KeyspaceCoverage.Covered);
        named.Keyspaces.Where(k => k.Coverage != KeyspaceCoverage.LeftOut).Select(k => k.Keyspace).Should().Equal("app", "system_traces");
    }

    [Fact]
    public void Each_keyspace_whose_level_cannot_be_kept_gets_its_own_warning_even_with_the_same_replicas()
    {
        var ring = new TestRing().WithNodes(4).WithKeyspace(Nts("one", ("dc1", 2)), [1, 2], [3, 4]).WithKeyspace(Nts("two", ("dc1", 2)), [1, 2], [3, 4]);

        var context = SchedulingContext.Create(ring.Topology, [ring.Map], SchedulingPolicy.Default);

        context.Warnings.Should().HaveCount(2).And.Contain(w => w.Contains("keyspace one")).And.Contain(w => w.Contains("keyspace two"));
    }

    [Fact]
    public void Strict_consistency_blocks_the_nodes_of_a_keyspace_whose_level_cannot_be_kept()
    {
        var ring = new TestRing().WithNodes(3).WithKeyspace(Nts("pair", ("dc1", 2)), [1, 2]);

        var plan = PlanSimulator.Simulate(
            SchedulingContext.Create(ring.Topology, [ring.Map], new SchedulingPolicy { ConsistencyLevel = ConsistencyLevel.LocalQuorum, StrictConsistency = true }),
            JobProgress.Create(ring.Addresses), [], PlanEstimate.Default);

        plan.Blocked.Select(b => b.Address).Should().BeEquivalentTo(Address(1), Address(2));
        plan.Blocked.Should().OnlyContain(b => b.Keyspace == "pair");
    }

    [Fact]
    public void The_dry_run_text_and_json_show_the_keyspace_policy_with_replicas_per_dc()
    {
        var ring = new TestRing().WithNodes(2, "dc1").WithNodes(1, "dc2").WithKeyspace(Unknown("app", ("dc1", 2), ("dc2", 1)), [1, 2, 3]);
        var context = SchedulingContext.Create(ring.Topology, [ring.Map], SchedulingPolicy.Default);

        var plan = PlanSimulator.Simulate(context, JobProgress.Create(ring.Addresses), [], PlanEstimate.Default);
        var text = PlanRenderer.Render(plan);
        var dto = PlanDto.From(plan);

        text.Should().Contain("keyspace policy: 0 of 1 replicated keyspace(s) kept at LOCAL_QUORUM").And.Contain("\n  app: dc1 2, dc2 1 (");
        text.Split('\n').Count(l => l.StartsWith("warning: ", StringComparison.Ordinal) && l.Contains("keyspace app", StringComparison.Ordinal)).Should().Be(1);
        dto.Keyspaces.Should().ContainSingle().Which.Should().Match<PlanDto.KeyspaceDto>(k => k.Keyspace == "app" && k.ReplicasPerDc == "dc1 2, dc2 1" && k.Coverage == "Unkeepable" && k.Warning != null);
    }
}
