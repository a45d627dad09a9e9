using Cstar.TestKit.Processes;
using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests;

/// <summary>The published folder is what users run: both programs must be there and answer.</summary>
public sealed class PublishedExecutablesTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact(Timeout = 600_000)]
    public async Task Cstar_version_prints_the_version_and_exits_zero()
    {
        var outcome = await ProcessRunner.RunAsync(await PublishedCli.CstarAsync(), ["--version"], Timeout);

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        outcome.StandardOutput.Should().MatchRegex(@"^cstar \d+\.\d+\.\d+");
    }

    [Fact(Timeout = 600_000)]
    public async Task Cstar_help_lists_every_verb()
    {
        var outcome = await ProcessRunner.RunAsync(await PublishedCli.CstarAsync(), ["--help"], Timeout);

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        foreach (var verb in new[] { "run", "continue", "cleanup-jobs", "ring", "jobs", "demo" })
        {
            outcome.StandardOutput.Should().MatchRegex($@"(?m)^\s+{verb}\s", $"help must list the '{verb}' verb");
        }
    }

    [Fact(Timeout = 600_000)]
    public async Task Cstarpar_is_published_beside_cstar_and_describes_its_command_line()
    {
        var outcome = await ProcessRunner.RunAsync(await PublishedCli.CstarparAsync(), ["--help"], Timeout);

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        outcome.StandardOutput.Should().Contain("cstarpar").And.Contain("{}");
    }

    [Fact(Timeout = 600_000)]
    public async Task An_unknown_verb_is_a_usage_error_with_exit_code_2_and_no_stack_trace()
    {
        var outcome = await ProcessRunner.RunAsync(await PublishedCli.CstarAsync(), ["frobnicate"], Timeout);

        outcome.ExitCode.Should().Be(2, outcome.ToString());
        outcome.StandardError.Should().Contain("frobnicate").And.NotContain("   at ");
    }
}
