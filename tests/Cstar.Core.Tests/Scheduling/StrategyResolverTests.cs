using Cstar.Core.Errors;
using Cstar.Core.Scheduling;
using FluentAssertions;
using Xunit;

namespace Cstar.Core.Tests.Scheduling;

public sealed class StrategyResolverTests
{
    public static TheoryData<StrategyFlags, SchedulingStrategy, bool> Shortcuts => new()
    {
        { new StrategyFlags { One = true }, SchedulingStrategy.One, false },
        { new StrategyFlags { OnePerDc = true }, SchedulingStrategy.One, true },
        { new StrategyFlags { Topology = true }, SchedulingStrategy.Topology, false },
        { new StrategyFlags { TopologyPerDc = true }, SchedulingStrategy.Topology, true },
        { new StrategyFlags { All = true }, SchedulingStrategy.All, true },
    };

    [Theory]
    [MemberData(nameof(Shortcuts))]
    public void Shortcuts_set_strategy_and_dc_parallelism_as_cstar_does(StrategyFlags flags, SchedulingStrategy strategy, bool dcParallel)
    {
        var policy = StrategyResolver.Resolve(flags, SchedulingPolicy.Default with { DcParallel = !dcParallel, Strategy = SchedulingStrategy.Rack });

        policy.Strategy.Should().Be(strategy);
        policy.DcParallel.Should().Be(dcParallel);
    }

    [Fact]
    public void Two_shortcuts_are_refused_naming_both()
    {
        var act = () => StrategyResolver.Resolve(new StrategyFlags { One = true, All = true }, SchedulingPolicy.Default);

        act.Should().Throw<CstarException>().WithMessage("--one and --all are mutually exclusive*");
    }

    [Fact]
    public void A_shortcut_with_strategy_or_dc_flags_is_refused()
    {
        var withStrategy = () => StrategyResolver.Resolve(new StrategyFlags { Topology = true, Strategy = "all" }, SchedulingPolicy.Default);
        var withDc = () => StrategyResolver.Resolve(new StrategyFlags { OnePerDc = true, DcSerial = true }, SchedulingPolicy.Default);
        var bothDc = () => StrategyResolver.Resolve(new StrategyFlags { DcParallel = true, DcSerial = true }, SchedulingPolicy.Default);

        withStrategy.Should().Throw<CstarException>().WithMessage("*--topology cannot be combined with --strategy all*");
        withDc.Should().Throw<CstarException>().WithMessage("*--one-per-dc cannot be combined with --dc-serial*");
        bothDc.Should().Throw<CstarException>().WithMessage("--dc-parallel and --dc-serial are mutually exclusive*");
    }

    [Fact]
    public void Explicit_flags_override_the_header_defaults_and_absent_ones_keep_them()
    {
        var header = SchedulingPolicy.Default with { ClusterParallel = true, DcParallel = true, Strategy = SchedulingStrategy.One };

        var kept = StrategyResolver.Resolve(new StrategyFlags(), header);
        var changed = StrategyResolver.Resolve(new StrategyFlags { Strategy = "rack", DcSerial = true, ClusterSerial = true }, header);

        kept.Should().Be(header);
        changed.Strategy.Should().Be(SchedulingStrategy.Rack);
        changed.DcParallel.Should().BeFalse();
        changed.ClusterParallel.Should().BeFalse();
    }

    [Fact]
    public void Names_are_parsed_with_clear_errors()
    {
        StrategyResolver.ParseConsistencyLevel("local-quorum").Should().Be(ConsistencyLevel.LocalQuorum);
        StrategyResolver.ParseConsistencyLevel("EACH_QUORUM").Should().Be(ConsistencyLevel.EachQuorum);
        StrategyResolver.ParseDcOrder("dc2, dc1").Should().Equal("dc2", "dc1");

        FluentActions.Invoking(() => StrategyResolver.ParseStrategy("fast")).Should().Throw<CstarException>().Which.Hint.Should().Contain("one, topology, all, rack");
        FluentActions.Invoking(() => StrategyResolver.ParseConsistencyLevel("TWO")).Should().Throw<CstarException>().WithMessage("*TWO*");
        FluentActions.Invoking(() => StrategyResolver.ParseDcOrder("dc1,,dc2")).Should().Throw<CstarException>().WithMessage("*empty*");
        FluentActions.Invoking(() => StrategyResolver.ParseDcOrder("dc1,dc1")).Should().Throw<CstarException>().WithMessage("*dc1 twice*");
    }
}
