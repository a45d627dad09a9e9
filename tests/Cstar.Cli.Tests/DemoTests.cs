using Cstar.TestKit.Processes;
using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests;

/// <summary>`cstar demo` as a newcomer runs it: the real engine on the in-process simulated ring.</summary>
public sealed class DemoTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    [Fact(Timeout = 600_000)]
    public async Task The_demo_restarts_every_node_in_safe_waves_and_exits_zero()
    {
        var outcome = await ProcessRunner.RunAsync(await PublishedCli.CstarAsync(), ["demo", "--nodes", "6", "--step-seconds", "0.1"], Limit);

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        outcome.StandardOutput.Should().Contain("all 6 host(s) handled: 6 succeeded");
        outcome.StandardOutput.Should().Contain("ring: healthy").And.Contain("wave 1: ").And.MatchRegex(@"127\.0\.0\.1 back \(\d");
        outcome.StandardOutput.Should().NotContain("cstar continue", "the demo's job store is thrown away");
    }

    [Fact(Timeout = 600_000)]
    public async Task An_injected_failure_halts_the_demo_with_a_non_zero_exit_and_names_the_host()
    {
        var outcome = await ProcessRunner.RunAsync(await PublishedCli.CstarAsync(), ["demo", "--nodes", "6", "--step-seconds", "0.1", "--fail-host", "127.0.0.3"], Limit);

        outcome.ExitCode.Should().NotBe(0, outcome.ToString());
        outcome.StandardOutput.Should().Contain("127.0.0.3 FAILED").And.Contain("halted");
        outcome.StandardOutput.Should().MatchRegex(@"\d+ host\(s\) not run");
    }

    [Fact(Timeout = 600_000)]
    public async Task A_node_that_never_comes_back_times_out_the_gate_with_the_reason()
    {
        var outcome = await ProcessRunner.RunAsync(
            await PublishedCli.CstarAsync(), ["demo", "--nodes", "6", "--step-seconds", "0.1", "--never-back-host", "127.0.0.2", "--wait-timeout", "3"], Limit);

        outcome.ExitCode.Should().NotBe(0, outcome.ToString());
        outcome.StandardOutput.Should().Contain("127.0.0.2 DID NOT COME BACK").And.Contain("did not come back within 3 s");
    }

    [Fact(Timeout = 600_000)]
    public async Task A_host_name_that_is_not_in_the_demo_ring_is_a_usage_error_listing_the_nodes()
    {
        var outcome = await ProcessRunner.RunAsync(await PublishedCli.CstarAsync(), ["demo", "--nodes", "3", "--fail-host", "10.9.9.9"], Limit);

        outcome.ExitCode.Should().Be(2, outcome.ToString());
        outcome.StandardError.Should().Contain("10.9.9.9 is not a node").And.Contain("127.0.0.1, 127.0.0.2, 127.0.0.3");
    }
}
