using System.Text;
using Cstar.Simulator.Host.Control;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Loopback;

/// <summary>
/// The hosts' nodetool is a Perl client of the daemon (a call costs milliseconds, not a .NET start): what the ring
/// answers reaches the caller byte for byte, with its exit code, whatever the arguments hold.
/// </summary>
[Trait("Category", "Loopback")]
public sealed class NodetoolShimTests
{
    [SkippableFact(Timeout = 60_000)]
    public async Task Arguments_with_quotes_backslashes_newlines_and_non_ascii_reach_the_ring_unchanged()
    {
        await using var cluster = await LoopbackCluster.StartAsync(new LoopbackClusterOptions { Hosts = 1, RingFactory = spec => new StubSimulatedRing(spec.Nodes, TimeProvider.System) });
        var host = cluster.Addresses[0];

        var answer = await cluster.SshAsync(host, "nodetool tablestats 'ks.\"Quoted\"' 'back\\slash' \"$(printf 'two\\nlines')\" 'café' '{\"json\":1}'");

        answer.ExitCode.Should().Be(0, answer.StandardError);
        answer.StandardOutput.Should().Be($"stub nodetool tablestats ks.\"Quoted\" back\\slash two\nlines café {{\"json\":1}} on {host}\n");
    }

    [SkippableFact(Timeout = 60_000)]
    public async Task A_refused_call_keeps_its_exit_code_and_its_stderr_and_prints_nothing_on_stdout()
    {
        await using var cluster = await LoopbackCluster.StartAsync(new LoopbackClusterOptions { Hosts = 1, RingFactory = spec => new StubSimulatedRing(spec.Nodes, TimeProvider.System) });
        var host = cluster.Addresses[0];
        cluster.StopCassandra(host);

        var answer = await cluster.SshAsync(host, "nodetool status");

        answer.ExitCode.Should().Be(1);
        answer.StandardOutput.Should().BeEmpty();
        answer.StandardError.Should().StartWith("nodetool: Failed to connect to '127.0.0.1:7199'");
    }

    [Fact]
    public void The_framed_answer_counts_bytes_not_characters()
    {
        var framed = ControlServer.Framed(new ControlResponse("é\n", "✗", 3));

        Encoding.UTF8.GetString(framed).Should().Be("3 3 3\né\n✗");
    }
}
