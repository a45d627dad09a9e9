using Cstar.Cli.Demo;
using Cstar.Cli.Verbs;
using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests.Golden;

/// <summary>
/// The plain view, line by line, as an operator reads it: the demo's rolling restart and a failed job. The demo
/// runs one host at a time with peers that see a node at once (--gossip-delay 0), and a restarted node serves again
/// only 1 s after its command ends: the gate's first read (right after the end) always finds it still down, however
/// slow the machine (with 0.05 s a loaded CI machine read it back at once, and the "not back yet" line was missing).
/// So which lines appear does not depend on the machine's speed; <see cref="GoldenFile"/> says how to accept a change on purpose.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PlainOutputGoldenTests
{
    private static DemoOptions Options(string? failHost = null) => new()
    {
        Nodes = 6,
        Datacenters = 2,
        Racks = 3,
        Vnodes = 16,
        One = true,
        StepSeconds = 0.1,
        StartSeconds = 1,
        GossipDelaySeconds = 0,
        WaitTimeoutSeconds = 15,
        Seed = 1,
        FailHost = failHost,
    };

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(DemoOptions options)
    {
        await using var stdout = new StringWriter();
        await using var stderr = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var exit = await new DemoVerb(stdout, stderr, TimeProvider.System).RunAsync(options, timeout.Token);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact(Timeout = 300_000)]
    public async Task The_demos_plain_output_matches_its_golden_file()
    {
        var (exit, stdout, stderr) = await RunAsync(Options());

        exit.Should().Be(0, stdout + stderr);
        GoldenFile.Check("demo.txt", stdout);
    }

    [Fact(Timeout = 300_000)]
    public async Task A_failed_jobs_plain_output_matches_its_golden_file()
    {
        var (exit, stdout, stderr) = await RunAsync(Options(failHost: "127.0.0.3"));

        exit.Should().Be(1, stdout + stderr);
        GoldenFile.Check("demo-failed.txt", stdout);
    }
}
