using Cstar.Core.Replication;
using Cstar.Simulator.Spec;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Simulator.Tests;

/// <summary>repair, cleanup, netstats and tpstats: the figures the back-pressure gate reads rise with the work and fall over time.</summary>
public sealed class LongOperationTests
{
    private readonly ManualClock clock = new();

    [Fact]
    public void Repair_streams_with_its_peers_for_a_while_and_leaves_compactions_on_the_node_and_its_peers()
    {
        var ring = Ring();
        int Pending(string node) => PendingOn(ring, node);

        var answer = ring.RunNodetool("127.0.0.1", ["repair", "-pr", "-full", "app"]);

        answer.ExitCode.Should().Be(0);
        answer.StandardOutput.Should().Contain("repairing keyspace app with repair options (parallelism: parallel, primary range: true, incremental: false");
        Pending("127.0.0.1").Should().Be(6);
        var netstats = ring.RunNodetool("127.0.0.1", ["netstats"]).StandardOutput;
        netstats.Should().MatchRegex("(?m)^Repair [0-9a-f-]{36}$").And.Contain("    /127.0.0.");
        var peers = new[] { "127.0.0.2", "127.0.0.3", "127.0.0.4" }.Where(p => ring.RunNodetool(p, ["netstats"]).StandardOutput.Contains("\nRepair ", StringComparison.Ordinal)).ToList();
        peers.Should().NotBeEmpty();
        peers.Should().HaveCount(2, "a repair streams with the other replicas of its ranges (two here)");
        peers.Select(Pending).Should().OnlyContain(p => p == 3);

        clock.Advance(ring.RepairStreamDuration);

        ring.RunNodetool("127.0.0.1", ["netstats"]).StandardOutput.Should().Contain("Not sending any streams.");
        Pending("127.0.0.1").Should().BeLessThan(6, "compactions drain over time");
    }

    [Fact]
    public void Incremental_is_the_default_repair_from_2_2_and_an_unknown_keyspace_is_nodetools_error()
    {
        var ring = Ring();

        ring.RunNodetool("127.0.0.1", ["repair", "app"]).StandardOutput.Should().Contain("incremental: true");
        var unknown = ring.RunNodetool("127.0.0.1", ["repair", "nope"]);

        unknown.ExitCode.Should().Be(2);
        unknown.StandardError.Should().StartWith("error: Keyspace [nope] does not exist.");
    }

    [Fact]
    public void Cleanup_adds_compactions_that_tpstats_shows_in_the_compaction_pool()
    {
        var ring = Ring();

        ring.RunNodetool("127.0.0.2", ["cleanup", "app"]).ExitCode.Should().Be(0);

        ring.RunNodetool("127.0.0.2", ["tpstats"]).StandardOutput.Split('\n')
            .Single(l => l.StartsWith("CompactionExecutor", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[2].Should().Be("2");
    }

    private static int PendingOn(SimulatedRing ring, string node) =>
        int.Parse(ring.RunNodetool(node, ["compactionstats"]).StandardOutput.Split('\n')[0]["pending tasks: ".Length..], System.Globalization.CultureInfo.InvariantCulture);

    private SimulatedRing Ring() => new(
        RingBuilder.Create().WithGeneratedNodes(4, 1, 2, 16, seed: 11)
            .WithKeyspace(KeyspaceDefinition.NetworkTopology("app", [new("dc1", 3)]))
            .Build(),
        clock);
}
