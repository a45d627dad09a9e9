using Cstar.Core.Errors;
using Cstar.Ring.Load;
using Cstar.TestKit;
using FluentAssertions;
using Xunit;

namespace Cstar.Ring.Tests.Load;

/// <summary>compactionstats, netstats and tpstats from 2.1 to 5.0, on fixtures built from the sources' format strings.</summary>
public sealed class LoadParserTests
{
    private static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "nodetool", "formats", name));

    [Theory]
    [InlineData("compactionstats-2.1-busy.txt", 7412, 2)]
    [InlineData("compactionstats-2.1-idle.txt", 0, 0)]
    [InlineData("compactionstats-3.11-busy.txt", 112, 1)]
    [InlineData("compactionstats-3.11-idle.txt", 0, 0)]
    [InlineData("compactionstats-4.0-busy.txt", 3, 2)]
    [InlineData("compactionstats-5.0-busy.txt", 7412, 1)]
    public void Compactionstats_gives_the_pending_total_and_the_compactions_running_in_every_version(string file, int pending, int active)
    {
        var stats = CompactionStatsParser.Parse(Fixture(file));

        stats.PendingTasks.Should().Be(pending);
        stats.ActiveCompactions.Should().Be(active);
    }

    [Fact]
    public void Compactionstats_from_3_0_lists_the_pending_tasks_per_table()
    {
        var stats = CompactionStatsParser.Parse(Fixture("compactionstats-3.11-busy.txt"));

        stats.PerTable.Should().Equal(new TablePending("app", "events", 100), new TablePending("app", "users", 12));
    }

    [Theory]
    [InlineData("")]
    [InlineData("nodetool: Failed to connect to '127.0.0.1:7199' - ConnectException: 'Connection refused'.\n")]
    [InlineData("- app.events: 3\n\n")]
    public void Compactionstats_without_a_total_is_an_error_never_zero(string text)
    {
        var parse = () => CompactionStatsParser.Parse(text);

        parse.Should().Throw<CstarException>().WithMessage("*compactionstats*");
    }

    [Theory]
    [InlineData("netstats-2.1-idle.txt", "NORMAL", 0, 0)]
    [InlineData("netstats-4.0-idle.txt", "NORMAL", 0, 0)]
    [InlineData("netstats-5.0-idle.txt", "NORMAL", 0, 0)]
    [InlineData("netstats-2.1-bulkload.txt", "NORMAL", 1, 1)]
    [InlineData("netstats-3.11-rebuild.txt", "NORMAL", 1, 1)]
    [InlineData("netstats-4.0-repair.txt", "NORMAL", 1, 2)]
    [InlineData("netstats-4.0-joining.txt", "JOINING", 1, 2)]
    public void Netstats_counts_the_stream_plans_and_their_peers_in_every_version(string file, string mode, int plans, int sessions)
    {
        var stats = NetStatsParser.Parse(Fixture(file));

        stats.Mode.Should().Be(mode);
        stats.Streams.Should().HaveCount(plans);
        stats.SessionCount.Should().Be(sessions);
    }

    [Fact]
    public void Netstats_names_each_plans_operation_and_peers()
    {
        var plan = NetStatsParser.Parse(Fixture("netstats-4.0-repair.txt")).Streams.Single();

        plan.Operation.Should().Be("Repair");
        plan.PlanId.Should().Be("6f1e4d80-3b1d-11ef-a9f1-1d2c3b4a5968");
        plan.Peers.Should().Equal("/127.0.0.2:7000", "/127.0.0.3:7000");
    }

    [Theory]
    [InlineData("Mode: NORMAL\n")]
    [InlineData("Not sending any streams.\n")]
    [InlineData("error: Connection refused\n")]
    public void Netstats_that_does_not_say_whether_the_node_streams_is_an_error(string text)
    {
        var parse = () => NetStatsParser.Parse(text);

        parse.Should().Throw<CstarException>().WithMessage("*netstats*");
    }

    [Theory]
    [InlineData("tpstats-2.1.txt", 5, 7412, 12)]
    [InlineData("tpstats-4.0.txt", 5, 112, 12)]
    public void Tpstats_gives_each_pool_and_the_dropped_messages(string file, int pools, long compactionPending, long droppedMutations)
    {
        var stats = TpStatsParser.Parse(Fixture(file));

        stats.Pools.Should().HaveCount(pools);
        stats.Pool("CompactionExecutor")!.Pending.Should().Be(compactionPending);
        stats.Pool("Native-Transport-Requests")!.AllTimeBlocked.Should().Be(14);
        stats.Dropped.Values.Should().Contain(droppedMutations);
    }

    [Fact]
    public void A_tpstats_pool_row_with_a_missing_figure_is_an_error_naming_the_line()
    {
        var parse = () => TpStatsParser.Parse("Pool Name Active Pending Completed Blocked All time blocked\nReadStage 0 0 12\n");

        parse.Should().Throw<CstarException>().WithMessage("*line 2*ReadStage*");
    }
}
