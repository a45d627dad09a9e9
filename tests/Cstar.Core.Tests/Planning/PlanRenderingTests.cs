using Cstar.Core.Planning;
using Cstar.Core.Replication;
using Cstar.Core.Scheduling;
using Cstar.TestKit.Rings;
using FluentAssertions;
using Xunit;
using static Cstar.TestKit.Rings.TestRing;

namespace Cstar.Core.Tests.Planning;

public sealed class PlanRenderingTests
{
    private static DryRunPlan SamplePlan()
    {
        var ring = new TestRing().WithNodes(5)
            .WithKeyspace(Nts("ks", ("dc1", 3)), [1, 2, 3], [3, 4, 5])
            .WithKeyspace(KeyspaceDefinition.Simple("solo", 1), [2]);
        var context = SchedulingContext.Create(ring.Topology, [ring.Map], new SchedulingPolicy { StrictConsistency = true, IgnoreDownNodes = true });
        return PlanSimulator.Simulate(context, JobProgress.Create(ring.Addresses), [Address(5)], new PlanEstimate(TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void The_plan_lists_waves_with_their_bounding_rule_skipped_and_blocked_hosts_and_an_estimate()
    {
        var plan = SamplePlan();

        var text = PlanRenderer.Render(plan);

        plan.Skipped.Should().Equal(Address(5));
        plan.Waves.Should().ContainSingle().Which.Hosts.Should().Equal(Address(1));
        plan.EstimatedDuration.Should().Be(TimeSpan.FromMinutes(4));
        text.Should().StartWith("Dry run: 5 target(s), 1 wave(s), largest wave 1, estimated 4m00s\n");
        text.Should().Contain("wave 1: 1 host(s), bounded by topology conflict, consistency\n  10.0.0.1\n");
        text.Should().Contain("skipped (down, --ignore-down-nodes): 10.0.0.5\n");
        text.Should().Contain("blocked: 3 host(s) will not run\n");
        text.Should().Contain("  10.0.0.3: keyspace ks range (10,20] keeps LOCAL_QUORUM in DC dc1: needs 2 of 3 replicas live, 2 live now; unavailable: 10.0.0.5 (down)\n");
        text.Should().Contain("  10.0.0.2: keyspace solo range (0,10]");
        text.Should().EndWith(
            "outcome: nothing in flight and no pending host can start without breaking a rule; held back: 2 by consistency. "
            + "10.0.0.3, 10.0.0.4 share ranges with 10.0.0.5 (down): keyspace ks range (10,20] keeps LOCAL_QUORUM in DC dc1: needs 2 of 3 replicas live, 2 live now; unavailable: 10.0.0.5 (down). "
            + "To go on, bring the down node(s) back (their peers must see them UN), or lower --keep-consistency (ONE lets a host run while one replica of each of its ranges stays up)\n");
    }

    [Fact]
    public void The_dto_carries_the_same_facts_as_plain_data()
    {
        var dto = PlanDto.From(SamplePlan());

        dto.WaveCount.Should().Be(1);
        dto.EstimatedSeconds.Should().Be(240);
        dto.Waves[0].BoundedBy.Should().Equal("topology conflict", "consistency");
        dto.Blocked.Should().HaveCount(3).And.ContainSingle(b => b.Host == "10.0.0.2" && b.Keyspace == "solo" && b.Rule == "consistency");
        dto.Blocked.Single(b => b.Host == "10.0.0.4").BlockingNodes.Should().Equal("10.0.0.5");
        dto.Skipped.Should().Equal("10.0.0.5");
    }
}
