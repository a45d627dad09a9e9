using Cstar.Core.Commands;
using Cstar.Core.Planning;
using Cstar.Core.Scheduling;
using Cstar.TestKit;
using Cstar.TestKit.Rings;
using FluentAssertions;
using Xunit;
using static Cstar.TestKit.Rings.TestRing;

namespace Cstar.Core.Tests.Scheduling;

/// <summary>cstar's all: every selected host at once, bounded only by -j and --max-concurrency-per-dc.</summary>
public sealed class AllMeansAllTests
{
    private static TestRing StockRing(int nodesPerDc) => SystemKeyspaces.StockTwoDcRing(nodesPerDc);

    private static DryRunPlan Plan(TestRing ring, SchedulingPolicy policy) =>
        PlanSimulator.Simulate(SchedulingContext.Create(ring.Topology, [ring.Map], policy), JobProgress.Create(ring.Addresses), [], PlanEstimate.Default);

    [Fact]
    public void Strategy_all_on_30_hosts_starts_all_30_in_one_wave()
    {
        var ring = StockRing(15);
        var policy = StrategyResolver.Resolve(new StrategyFlags { Strategy = "all" }, SchedulingPolicy.Default);

        var plan = Plan(ring, policy);

        plan.Waves.Should().ContainSingle().Which.Hosts.Should().HaveCount(30);
        plan.Blocked.Should().BeEmpty();
    }

    [Fact]
    public void Strategy_all_is_bounded_only_by_max_concurrency_and_max_concurrency_per_dc()
    {
        var ring = StockRing(15);
        var all = StrategyResolver.Resolve(new StrategyFlags { All = true }, SchedulingPolicy.Default);

        Plan(ring, all with { MaxConcurrency = 10 }).Waves.Select(w => w.Hosts.Length).Should().Equal(10, 10, 10);
        Plan(ring, all with { MaxConcurrencyPerDc = 5 }).Waves.Select(w => w.Hosts.Length).Should().Equal(10, 10, 10);
    }

    [Fact]
    public void Strategy_all_runs_dcs_in_parallel_unless_dc_serial_is_given()
    {
        StrategyResolver.Resolve(new StrategyFlags { Strategy = "all" }, SchedulingPolicy.Default).DcParallel.Should().BeTrue();
        StrategyResolver.Resolve(new StrategyFlags { Strategy = "all", DcSerial = true }, SchedulingPolicy.Default).DcParallel.Should().BeFalse();
        StrategyResolver.Resolve(new StrategyFlags(), SchedulingPolicy.Default with { Strategy = SchedulingStrategy.All }).DcParallel.Should().BeTrue();
    }

    [Fact]
    public void The_replica_loss_of_running_every_host_at_once_names_each_keyspace_and_how_many_replicas_its_ranges_lose()
    {
        var ring = new TestRing().WithNodes(4).WithKeyspace(Nts("app", ("dc1", 3)), [1, 2, 3], [2, 3, 4]);
        var context = SchedulingContext.Create(ring.Topology, [ring.Map], new SchedulingPolicy { Strategy = SchedulingStrategy.All });

        var lines = ReplicaLoss.Lines([ring.Map], context.Keyspaces, [Address(1), Address(2), Address(3)]);

        lines.Should().ContainSingle().Which.Should().Be("keyspace app (dc1 3): 1 range(s) lose 3 of 3 replicas, e.g. (0,10]; 1 range(s) lose 2 of 3 replicas, e.g. (10,20]");
    }

    [Theory]
    [InlineData("restart.sh")]
    [InlineData("upgradesstables.sh")]
    [InlineData("cstarpar/reboot.sh")]
    public void The_bundled_commands_that_take_their_node_down_say_so_in_their_header(string file)
    {
        var path = Path.Combine(RepositoryPaths.Root, "commands", file);

        CommandHeaderParser.Parse(path, "x", File.ReadAllText(path)).TakesNodeDown.Should().BeTrue();
        CommandHeaderParser.Parse("run.sh", "run", "#!/bin/sh\n# C* strategy: all\n").TakesNodeDown.Should().BeFalse();
    }
}
