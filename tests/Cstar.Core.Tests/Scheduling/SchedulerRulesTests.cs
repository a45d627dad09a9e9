using Cstar.Core.Errors;
using Cstar.Core.Planning;
using Cstar.Core.Replication;
using Cstar.Core.Scheduling;
using Cstar.TestKit.Rings;
using FluentAssertions;
using Xunit;
using static Cstar.TestKit.Rings.TestRing;

namespace Cstar.Core.Tests.Scheduling;

public sealed class SchedulerRulesTests
{
    private static DryRunPlan Plan(TestRing ring, SchedulingPolicy policy, params string[] down) =>
        PlanSimulator.Simulate(SchedulingContext.Create(ring.Topology, [ring.Map], policy), JobProgress.Create(ring.Addresses), down, PlanEstimate.Default);

    private static SchedulingDecision Decide(TestRing ring, SchedulingPolicy policy, JobProgress progress, params string[] down) =>
        Scheduler.Decide(ScheduleInput.Create(SchedulingContext.Create(ring.Topology, [ring.Map], policy), progress, down));

    [Fact]
    public void Rack_strategy_runs_a_whole_rack_of_a_dc_at_once()
    {
        var ring = new TestRing().WithNodes(9, racks: 3).WithPlacedKeyspace(Nts("ks", ("dc1", 3)));

        var plan = Plan(ring, new SchedulingPolicy { Strategy = SchedulingStrategy.Rack });

        plan.Waves.Should().HaveCount(3);
        plan.Waves.Should().OnlyContain(w => w.Hosts.Select(h => ring.Nodes.Single(n => n.Address == h).Rack).Distinct().Count() == 1 && w.Hosts.Length == 3);
    }

    [Fact]
    public void Rack_strategy_is_refused_when_a_keyspace_keeps_two_replicas_of_a_range_in_one_rack()
    {
        var ring = new TestRing().WithNodes(6, racks: 2)
            .WithPlacedKeyspace(Nts("good", ("dc1", 2)))
            .WithPlacedKeyspace(Nts("bad", ("dc1", 3)));

        var act = () => SchedulingContext.Create(ring.Topology, [ring.Map], new SchedulingPolicy { Strategy = SchedulingStrategy.Rack });

        act.Should().Throw<CstarException>().WithMessage("*keyspace bad*").Which.Hint.Should().Contain("--strategy topology");
    }

    [Fact]
    public void An_rf1_keyspace_is_warned_about_by_default_and_blocks_its_nodes_only_under_strict_consistency()
    {
        var ring = new TestRing().WithNodes(4).WithKeyspace(KeyspaceDefinition.Simple("solo", 1), [1], [2]);

        var warned = SchedulingContext.Create(ring.Topology, [ring.Map], SchedulingPolicy.Default);
        var plan = Plan(ring, SchedulingPolicy.Default);
        var strict = Plan(ring, new SchedulingPolicy { StrictConsistency = true });
        var ignored = Plan(ring, new SchedulingPolicy { StrictConsistency = true, IgnoreKeyspaces = ["solo"] });
        var allowed = Plan(ring, new SchedulingPolicy { StrictConsistency = true, AllowUnavailableKeyspaces = ["solo"] });

        warned.Warnings.Should().ContainSingle().Which.Should().Contain("keyspace solo").And.Contain("ALTER KEYSPACE solo").And.Contain("nodetool repair solo");
        plan.Blocked.Should().BeEmpty();
        plan.Waves.SelectMany(w => w.Hosts).Should().HaveCount(4);
        strict.Blocked.Select(b => b.Address).Should().BeEquivalentTo(Address(1), Address(2));
        strict.Blocked[0].Keyspace.Should().Be("solo");
        strict.Blocked[0].Reason.Should().Contain("--ignore-keyspace solo").And.Contain("--allow-unavailable solo");
        strict.Outcome.Should().Contain($"{Address(1)}, {Address(2)}: keyspace solo", "the run's refusal names the hosts and the keyspace, as --dry-run does")
            .And.Contain("--ignore-keyspace solo").And.Contain("--allow-unavailable solo");
        strict.Waves.SelectMany(w => w.Hosts).Should().BeEquivalentTo(Address(3), Address(4));
        ignored.Blocked.Should().BeEmpty();
        allowed.Blocked.Should().BeEmpty();
        allowed.Waves.SelectMany(w => w.Hosts).Should().HaveCount(4);
    }

    [Fact]
    public void An_rf2_keyspace_keeps_one_live_replica_and_is_named_in_a_warning()
    {
        var ring = new TestRing().WithNodes(2).WithKeyspace(Nts("pair", ("dc1", 2)), [1, 2]);

        var context = SchedulingContext.Create(ring.Topology, [ring.Map], SchedulingPolicy.Default);
        var plan = PlanSimulator.Simulate(context, JobProgress.Create(ring.Addresses), [], PlanEstimate.Default);

        context.Warnings.Should().ContainSingle().Which.Should().Contain("pair").And.Contain("dc1");
        plan.Waves.Select(w => w.Hosts.Length).Should().Equal(1, 1);
    }

    [Fact]
    public void A_node_already_down_blocks_the_hosts_sharing_its_ranges_and_is_named()
    {
        var ring = new TestRing().WithNodes(4).WithKeyspace(Nts("ks", ("dc1", 3)), [1, 2, 3]);

        var decision = Decide(ring, new SchedulingPolicy { Strategy = SchedulingStrategy.Topology }, JobProgress.Create([Address(2), Address(3), Address(4)]), Address(1));

        decision.Should().BeOfType<SchedulingDecision.Start>().Which.Hosts.Should().Equal(Address(4));
        var afterwards = Decide(ring, new SchedulingPolicy { Strategy = SchedulingStrategy.Topology }, JobProgress.Create([Address(2), Address(3)]), Address(1));
        var blocked = afterwards.Should().BeOfType<SchedulingDecision.Blocked>().Which.Hosts;
        blocked.Should().HaveCount(2).And.OnlyContain(b => b.Rule == WaveLimit.Consistency && b.Keyspace == "ks" && b.Range == "(0,10]");
        blocked[0].BlockingNodes.Should().Equal(Address(1));
        blocked[0].Reason.Should().Contain("10.0.0.1 (down)").And.Contain("needs 2 of 3");
    }

    [Fact]
    public void Hosts_held_back_by_a_down_node_are_named_with_the_way_out_and_keep_consistency_one_lets_one_of_them_run()
    {
        var ring = new TestRing().WithNodes(4).WithKeyspace(Nts("ks", ("dc1", 3)), [1, 2, 3]);
        var pending = JobProgress.Create([Address(2), Address(3)]);

        var held = Decide(ring, new SchedulingPolicy { Strategy = SchedulingStrategy.Topology }, pending, Address(1));
        var one = Decide(ring, new SchedulingPolicy { Strategy = SchedulingStrategy.Topology, ConsistencyLevel = ConsistencyLevel.One }, pending, Address(1));

        held.Should().BeOfType<SchedulingDecision.Blocked>().Which.Reason.Should()
            .Contain($"{Address(2)}, {Address(3)} share ranges with {Address(1)} (down)")
            .And.Contain("bring the down node(s) back").And.Contain("--keep-consistency");
        one.Should().BeOfType<SchedulingDecision.Start>().Which.Hosts.Should().ContainSingle("ONE keeps one live replica of (0,10]: one of the two may go down");
    }

    [Fact]
    public void Quorum_counts_replicas_over_all_dcs_while_local_quorum_keeps_each_dc()
    {
        var ring = new TestRing().WithNodes(3, "dc1").WithNodes(3, "dc2").WithKeyspace(Nts("ks", ("dc1", 3), ("dc2", 3)), [1, 2, 3, 4, 5, 6]);
        var policy = new SchedulingPolicy { DcParallel = true };

        var local = Plan(ring, policy, Address(6));
        var quorum = Plan(ring, policy with { ConsistencyLevel = ConsistencyLevel.Quorum }, Address(6));

        local.Blocked.Where(b => b.Rule == WaveLimit.Consistency).Select(b => b.Address).Should().BeEquivalentTo([Address(4), Address(5)], "dc2 keeps 2 of 3 live with node 6 down");
        quorum.Waves.SelectMany(w => w.Hosts).Should().BeEquivalentTo([Address(1), Address(2), Address(3), Address(4), Address(5)], "QUORUM needs 4 of 6 anywhere");
        quorum.Waves.Should().OnlyContain(w => w.Hosts.Length == 1);
    }

    [Fact]
    public void Ignore_down_nodes_skips_down_targets_but_still_waits_for_finished_hosts_to_return()
    {
        var ring = new TestRing().WithNodes(4).WithKeyspace(Nts("ks", ("dc1", 3)), [1, 2, 3]);
        var policy = new SchedulingPolicy { IgnoreDownNodes = true };
        var progress = JobProgress.Create(ring.Addresses);

        var skip = Decide(ring, policy, progress, Address(4));
        skip.Should().BeOfType<SchedulingDecision.Skip>().Which.Hosts.Should().Equal(Address(4));
        progress = progress.WithSkipped(Address(4)).WithRunning(Address(1)).WithDone(Address(1));

        Decide(ring, policy, progress).Should().BeOfType<SchedulingDecision.Wait>().Which.Reason.Should().Contain("1 finished host(s) to come back");
        Decide(ring, policy, progress.WithReturned(Address(1))).Should().BeOfType<SchedulingDecision.Start>().Which.Hosts.Should().Equal(Address(2));
    }

    [Fact]
    public void Stop_after_counts_hosts_started_in_earlier_runs_and_then_finishes()
    {
        var ring = new TestRing().WithNodes(6).WithKeyspace(Nts("ks", ("dc1", 3)), [1, 2, 3]);
        var policy = new SchedulingPolicy { Strategy = SchedulingStrategy.All, StopAfter = 3 };
        var progress = JobProgress.Create(ring.Addresses).WithRunning(Address(4)).WithDone(Address(4)).WithReturned(Address(4))
            .WithRunning(Address(5)).WithDone(Address(5)).WithReturned(Address(5));

        var start = Decide(ring, policy, progress).Should().BeOfType<SchedulingDecision.Start>().Which;
        start.Hosts.Should().HaveCount(1);
        start.BoundedBy.Should().Contain(WaveLimit.StopAfter);
        progress = progress.WithRunning(start.Hosts[0]).WithDone(start.Hosts[0]);
        Decide(ring, policy, progress).Should().BeOfType<SchedulingDecision.Wait>();
        Decide(ring, policy, progress.WithReturned(start.Hosts[0])).Should().BeOfType<SchedulingDecision.Finished>().Which.Reason.Should().StartWith("stop-after reached");
    }

    [Fact]
    public void Dc_serial_finishes_dc2_before_dc1_when_dc_order_says_so()
    {
        var ring = new TestRing().WithNodes(4, "dc1").WithNodes(4, "dc2");
        var policy = new SchedulingPolicy { Strategy = SchedulingStrategy.One, KeepConsistency = false, DcOrder = ["dc2", "dc1"] };

        var plan = Plan(ring, policy);

        plan.Waves.SelectMany(w => w.Hosts).Should().Equal([.. ring.InDc("dc2"), .. ring.InDc("dc1")]);
        plan.Waves[0].BoundedBy.Should().Contain(WaveLimit.DcSerial);
    }

    [Fact]
    public void Max_concurrency_per_dc_and_overall_cap_the_waves()
    {
        var ring = new TestRing().WithNodes(5, "dc1").WithNodes(5, "dc2");
        var policy = new SchedulingPolicy { Strategy = SchedulingStrategy.All, KeepConsistency = false, DcParallel = true, MaxConcurrencyPerDc = 2 };

        Plan(ring, policy).Waves.Select(w => w.Hosts.Length).Should().Equal(4, 4, 2);
        Plan(ring, policy with { MaxConcurrency = 3 }).Waves[0].BoundedBy.Should().Contain(WaveLimit.MaxConcurrency);
    }

    [Fact]
    public void A_failed_host_halts_the_job_after_the_running_ones()
    {
        var ring = new TestRing().WithNodes(3);
        var policy = new SchedulingPolicy { Strategy = SchedulingStrategy.All, KeepConsistency = false };
        var progress = JobProgress.Create(ring.Addresses).WithRunning(Address(1)).WithRunning(Address(2)).WithFailed(Address(1));

        Decide(ring, policy, progress).Should().BeOfType<SchedulingDecision.Wait>().Which.Reason.Should().Contain("10.0.0.1");
        Decide(ring, policy, progress.WithDone(Address(2)).WithReturned(Address(2))).Should().BeOfType<SchedulingDecision.Finished>()
            .Which.Reason.Should().Contain("halted").And.Contain("1 host(s) not started");
    }

    [Fact]
    public void Unknown_keyspaces_and_dcs_in_the_policy_are_user_errors()
    {
        var ring = new TestRing().WithNodes(3).WithKeyspace(Nts("ks", ("dc1", 3)), [1, 2, 3]);

        var keyspace = () => SchedulingContext.Create(ring.Topology, [ring.Map], new SchedulingPolicy { KeyspaceFilter = ["nope"] });
        var dc = () => SchedulingContext.Create(ring.Topology, [ring.Map], new SchedulingPolicy { DcOrder = ["dc9"] });

        keyspace.Should().Throw<CstarException>().WithMessage("*nope*");
        dc.Should().Throw<CstarException>().WithMessage("*dc9*").Which.Hint.Should().Contain("dc1");
    }
}
