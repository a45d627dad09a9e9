using Cstar.Cli.Jobs;
using Cstar.Cli.Verbs;
using Cstar.Core.Commands;
using Cstar.Core.Errors;
using Cstar.Core.Scheduling;
using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests.Jobs;

public sealed class AllAtOnceGuardTests
{
    private static readonly CommandHeader TakesNodeDown = CommandHeader.Empty("restart") with { TakesNodeDown = true };
    private static readonly SchedulingPolicy All = SchedulingPolicy.Default with { Strategy = SchedulingStrategy.All };

    [Fact]
    public void A_command_that_takes_its_node_down_is_refused_under_strategy_all_naming_both_ways_to_accept_it()
    {
        var act = () => AllAtOnceGuard.Check("restart", TakesNodeDown, All, new JobOptions());

        var error = act.Should().Throw<CstarException>().Which;
        error.ExitCode.Should().Be(ExitCode.Usage);
        error.Message.Should().Contain("restart").And.Contain("every host at once");
        error.Hint.Should().Contain("--yes-all-at-once").And.Contain("--confirm").And.Contain("--dry-run");
    }

    [Fact]
    public void Yes_all_at_once_or_confirm_accepts_it_and_other_strategies_or_commands_never_ask()
    {
        var accept = () => AllAtOnceGuard.Check("restart", TakesNodeDown, All, new JobOptions { YesAllAtOnce = true });
        var confirm = () => AllAtOnceGuard.Check("restart", TakesNodeDown, All, new JobOptions { Confirm = true });
        var topology = () => AllAtOnceGuard.Check("restart", TakesNodeDown, SchedulingPolicy.Default, new JobOptions());
        var readOnly = () => AllAtOnceGuard.Check("run", CommandHeader.Empty("run"), All, new JobOptions());

        accept.Should().NotThrow();
        confirm.Should().NotThrow();
        topology.Should().NotThrow();
        readOnly.Should().NotThrow();
    }
}
