using Cstar.Core.Errors;
using Cstar.Core.Ports;
using Cstar.Ring.Describering;
using Cstar.Ring.Discovery;
using Cstar.TestKit;
using FluentAssertions;
using Xunit;

namespace Cstar.Ring.Tests;

/// <summary>
/// Discovery reads each keyspace's describering while it streams in (a 1,000-node ring prints ~140 MB per keyspace),
/// with the pooling of repeated text shared by keyspaces streaming at once. A stream cut short is refused, never
/// half-accepted. The fake transport reuses its buffer and scribbles over it after each hand-over, so a parse that
/// kept a chunk for later would read '#'.
/// </summary>
public sealed class DiscoveryStreamingTests
{
    private static readonly string[] Describerings = ["nodetool describering system_auth", "nodetool describering system_distributed", "nodetool describering system_traces", "nodetool describering acc_nts"];

    private static readonly string Acc = Fixtures.RealNodetool("4.0-alpha4", "describering-acc_nts.txt");

    private static async Task<DiscoveryResult> Discover(ICommandTransport transport, params string[] seeds)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await new RingDiscovery(transport).DiscoverAsync(new DiscoveryOptions([.. seeds]), timeout.Token);
    }

    private static string Show(DiscoveredCluster cluster, string keyspace) =>
        string.Join(' ', cluster.Replicas.Keyspaces.Single(k => k.Keyspace.Name == keyspace).Ranges.Select(r => $"{r.StartToken}>{r.EndToken}:{string.Join(',', r.Endpoints)}"));

    [Theory]
    [InlineData(1)]
    [InlineData(61)]
    [InlineData(65536)]
    public async Task Every_describering_is_streamed_and_each_chunk_parsed_as_it_is_handed_over(int chunkBytes)
    {
        var transport = new FakeTransport { StreamChunkBytes = chunkBytes }.Node40("127.0.0.1");

        var cluster = (await Discover(transport, "127.0.0.1")).Clusters.Single();

        transport.Streamed.Should().Contain(Describerings, "describering is never asked for its whole output");
        Show(cluster, "acc_nts").Should().Be(string.Join(' ', DescriberingParser.Parse(Acc).Ranges.Select(r => $"{r.StartToken}>{r.EndToken}:{string.Join(',', r.Endpoints)}")));
        cluster.Replicas.Keyspaces.Should().OnlyContain(k => k.Ranges.Length == 768);
    }

    [Fact]
    public async Task A_transport_that_cannot_stream_gives_the_same_ring_from_whole_outputs()
    {
        var streaming = (await Discover(new FakeTransport().Node40("127.0.0.1"), "127.0.0.1")).Clusters.Single();
        var inner = new FakeTransport().Node40("127.0.0.1");

        var collected = (await Discover(new CollectingOnlyTransport(inner), "127.0.0.1")).Clusters.Single();

        inner.Streamed.Should().BeEmpty();
        foreach (var keyspace in new[] { "system_auth", "system_distributed", "system_traces", "acc_nts" })
        {
            Show(collected, keyspace).Should().Be(Show(streaming, keyspace));
        }
    }

    [Fact]
    public async Task Keyspaces_streamed_at_once_still_share_the_ranges_of_a_repeated_ring_text()
    {
        var transport = new FakeTransport { StreamChunkBytes = 7 }.Node40("127.0.0.1");

        var cluster = (await Discover(transport, "127.0.0.1")).Clusters.Single();

        // system_distributed and acc_nts print the same text (the fixture): one set of range records for both.
        var distributed = cluster.Replicas.Keyspaces.Single(k => k.Keyspace.Name == "system_distributed").Ranges;
        var acc = cluster.Replicas.Keyspaces.Single(k => k.Keyspace.Name == "acc_nts").Ranges;
        distributed.Zip(acc).Should().OnlyContain(pair => ReferenceEquals(pair.First, pair.Second));
    }

    [Fact]
    public async Task A_repeated_ring_text_whose_endpoint_details_conflict_is_refused_while_keyspaces_stream_at_once()
    {
        var lines = Acc.Split('\n');
        lines[12] = lines[12].Replace("EndpointDetails(host:127.0.0.1, datacenter:dc1, rack:rack1)", "EndpointDetails(host:127.0.0.1, datacenter:dc1, rack:rack9)", StringComparison.Ordinal);
        var transport = new FakeTransport { StreamChunkBytes = 7 }.Node40("127.0.0.1")
            .Answer("127.0.0.1", "nodetool describering system_distributed", string.Join('\n', lines));

        var act = () => Discover(transport, "127.0.0.1");

        var error = (await act.Should().ThrowAsync<CstarException>()).Which;
        error.Message.Should().Contain("line 13 of 'nodetool describering system_distributed'").And.Contain("127.0.0.1 placed in dc1/rack9 here and in dc1/rack1 before").And.NotContain("\n");
    }

    [Fact]
    public async Task A_describering_cut_mid_range_that_exits_cleanly_is_refused_naming_the_line()
    {
        var cut = Acc[..(Acc.IndexOf("TokenRange(start_token", Acc.IndexOf("\n\tTokenRange(", 400, StringComparison.Ordinal), StringComparison.Ordinal) + 60)];
        var line = cut.Count(c => c == '\n') + 1;
        var transport = new FakeTransport().Node40("127.0.0.1").Answer("127.0.0.1", "nodetool describering acc_nts", cut);

        var act = () => Discover(transport, "127.0.0.1");

        var error = (await act.Should().ThrowAsync<CstarException>()).Which;
        error.Message.Should().StartWith($"Could not understand line {line} of 'nodetool describering acc_nts' output").And.NotContain("\n");
    }

    [Fact]
    public async Task A_describering_whose_connection_drops_mid_range_makes_the_seed_unusable_and_the_next_seed_reads_the_ring()
    {
        var transport = new FakeTransport().Node40("127.0.0.1").Cut("127.0.0.1", "nodetool describering acc_nts", Acc.Length / 2).Node40("127.0.0.2");

        var result = await Discover(transport, "127.0.0.1", "127.0.0.2");

        result.Clusters.Single().Seed.Should().Be("127.0.0.2");
        result.SeedFailures.Should().ContainSingle().Which.Reason.Should().StartWith("disconnected: ");
    }

    [Fact]
    public async Task A_describering_whose_connection_drops_on_the_only_seed_is_refused()
    {
        var transport = new FakeTransport().Node40("127.0.0.1").Cut("127.0.0.1", "nodetool describering system_traces", 1000);

        var act = () => Discover(transport, "127.0.0.1");

        (await act.Should().ThrowAsync<CstarException>()).Which.Message.Should().Contain("127.0.0.1: disconnected: ");
    }

    [Fact]
    public async Task A_failed_describering_is_reported_by_its_exit_and_first_line_even_when_its_output_does_not_parse()
    {
        var transport = new FakeTransport().Node40("127.0.0.1")
            .Answer("127.0.0.1", "nodetool describering acc_nts", "nodetool: Failed to connect to '127.0.0.1:7199' - ConnectException: 'Connection refused'.\n", 1);

        var act = () => Discover(transport, "127.0.0.1");

        (await act.Should().ThrowAsync<CstarException>()).Which.Message.Should()
            .Contain("127.0.0.1: 'nodetool describering acc_nts' exited with 1: nodetool: Failed to connect to '127.0.0.1:7199'");
    }

    [Fact]
    public async Task A_failed_keyspace_stops_the_describering_calls_still_running_before_discovery_gives_up_the_seed()
    {
        var transport = new FakeTransport().Node40("127.0.0.1")
            .Answer("127.0.0.1", "nodetool describering system_auth", "nodetool: Failed to connect\n", 1)
            .Hold("127.0.0.1", "nodetool describering acc_nts", "a command discovery never runs");

        var act = () => Discover(transport, "127.0.0.1");

        await act.Should().ThrowAsync<CstarException>();
        transport.Ended.Should().Contain("nodetool describering acc_nts", "the held call was cancelled and had ended when discovery returned");
    }
}
