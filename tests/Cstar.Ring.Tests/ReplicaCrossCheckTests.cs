using Cstar.Core.Errors;
using Cstar.Ring.Describering;
using Cstar.Ring.Discovery;
using Cstar.TestKit;
using FluentAssertions;
using Xunit;

namespace Cstar.Ring.Tests;

/// <summary>Where describering places each replica, checked against status (every version) and the schema (4.0+), on the real captures.</summary>
public sealed class ReplicaCrossCheckTests
{
    private static async Task<DiscoveryResult> Discover(FakeTransport transport, string? keyspace = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await new RingDiscovery(transport).DiscoverAsync(new DiscoveryOptions(["127.0.0.1"]) { Keyspace = keyspace }, timeout.Token);
    }

    [Theory]
    [InlineData("3.11.10")]
    [InlineData("4.0-alpha4")]
    public async Task Every_range_of_acc_nts_reaches_the_core_with_2_dc1_and_1_dc2_replicas_of_known_dc(string version)
    {
        var transport = version == "3.11.10" ? new FakeTransport().Node311("127.0.0.1") : new FakeTransport().Node40("127.0.0.1");

        var cluster = (await Discover(transport, "acc_nts")).Clusters.Single();

        var ranges = cluster.Replicas.Keyspaces.Single().Ranges;
        ranges.Should().HaveCount(768);
        ranges.Select(r => string.Join(' ', r.Endpoints.GroupBy(a => cluster.Topology.Find(a)!.Datacenter).OrderBy(g => g.Key).Select(g => $"{g.Key}:{g.Count()}")))
            .Should().OnlyContain(perDc => perDc == "dc1:2 dc2:1");
    }

    [Theory]
    [InlineData("3.11.10")]
    [InlineData("4.0-alpha4")]
    public async Task An_endpoint_that_describering_places_in_another_dc_than_status_is_an_error_naming_both(string version)
    {
        var moved = Fixtures.RealNodetool(version, "describering-acc_nts.txt").Replace("host:127.0.0.3, datacenter:dc2", "host:127.0.0.3, datacenter:dc3", StringComparison.Ordinal);
        var transport = (version == "3.11.10" ? new FakeTransport().Node311("127.0.0.1") : new FakeTransport().Node40("127.0.0.1"))
            .Answer("127.0.0.1", "nodetool describering acc_nts", moved);

        var act = () => Discover(transport, "acc_nts");

        (await act.Should().ThrowAsync<CstarException>())
            .WithMessage("Datacenter mismatch on seed 127.0.0.1 (cluster acceptance): 'nodetool describering acc_nts' puts 127.0.0.3 in dc3/rack1, 'nodetool status' lists it in dc2/rack1.")
            .Which.Hint.Should().Contain("Retry");
    }

    [Fact]
    public async Task An_endpoint_that_describering_places_in_another_rack_is_called_a_rack_mismatch()
    {
        var moved = Fixtures.RealNodetool("3.11.10", "describering-acc_nts.txt").Replace("host:127.0.0.3, datacenter:dc2, rack:rack1", "host:127.0.0.3, datacenter:dc2, rack:rack7", StringComparison.Ordinal);
        var transport = new FakeTransport().Node311("127.0.0.1").Answer("127.0.0.1", "nodetool describering acc_nts", moved);

        var act = () => Discover(transport, "acc_nts");

        await act.Should().ThrowAsync<CstarException>()
            .WithMessage("Rack mismatch on seed 127.0.0.1 (cluster acceptance): 'nodetool describering acc_nts' puts 127.0.0.3 in dc2/rack7, 'nodetool status' lists it in dc2/rack1.");
    }

    [Fact]
    public async Task A_4_0_range_with_fewer_replicas_in_a_dc_than_the_schema_asks_for_is_an_error()
    {
        var acc = Fixtures.RealNodetool("4.0-alpha4", "describering-acc_nts.txt");
        var transport = new FakeTransport().Node40("127.0.0.1").Answer("127.0.0.1", "nodetool describering acc_nts", DiscoveryScenarios.FirstReplicas(acc, 2));

        var act = () => Discover(transport, "acc_nts");

        await act.Should().ThrowAsync<CstarException>().WithMessage("Replica count mismatch on seed 127.0.0.1 (cluster acceptance): the schema of keyspace acc_nts asks for * replica(s) in dc*, but 'nodetool describering acc_nts' gives range (*, *] * in dc* (*).");
    }

    [Fact]
    public async Task A_replica_count_mismatch_names_the_first_dc_in_name_order_and_its_first_wrong_range()
    {
        // Range 3 (line 5) lacks its dc2 replica, range 10 (line 12) one of its dc1 replicas: dc1 comes first by name.
        var lines = Fixtures.RealNodetool("4.0-alpha4", "describering-acc_nts.txt").Split('\n');
        lines[4] = Drop(lines[4], "127.0.0.3");
        lines[11] = Drop(lines[11], "127.0.0.2");
        var transport = new FakeTransport().Node40("127.0.0.1").Answer("127.0.0.1", "nodetool describering acc_nts", string.Join('\n', lines));

        var act = () => Discover(transport, "acc_nts");

        var tokens = System.Text.RegularExpressions.Regex.Match(lines[11], @"start_token:(-?\d+), end_token:(-?\d+)");
        await act.Should().ThrowAsync<CstarException>().WithMessage(
            $"Replica count mismatch on seed 127.0.0.1 (cluster acceptance): the schema of keyspace acc_nts asks for 2 replica(s) in dc1, but 'nodetool describering acc_nts' gives range ({tokens.Groups[1].Value}, {tokens.Groups[2].Value}] 1 in dc1 (*).");
    }

    private static string Drop(string line, string address)
    {
        var at = line.IndexOf("endpoints:[", StringComparison.Ordinal) + "endpoints:[".Length;
        var end = line.IndexOf(']', at);
        var kept = line[at..end].Split(", ").Where(a => a != address);
        return line[..at] + string.Join(", ", kept) + line[end..];
    }

    [Fact]
    public async Task A_4_0_schema_that_asks_for_fewer_replicas_than_describering_lists_is_an_error()
    {
        var description = Fixtures.RealNodetool("4.0-alpha4", "describecluster.txt").Replace("{dc2=1, dc1=2}", "{dc2=1, dc1=1}", StringComparison.Ordinal);
        var transport = new FakeTransport().Node40("127.0.0.1").Answer("127.0.0.1", "nodetool describecluster", description);

        var act = () => Discover(transport, "acc_nts");

        await act.Should().ThrowAsync<CstarException>().WithMessage("*schema of keyspace acc_nts asks for 1 replica(s) in dc1*gives range * 2 in dc1*");
    }

    [Fact]
    public async Task A_4_0_simple_strategy_keyspace_is_checked_against_its_single_factor()
    {
        var description = Fixtures.RealNodetool("4.0-alpha4", "describecluster.txt").Replace("system_auth -> Replication class: SimpleStrategy {replication_factor=1}", "system_auth -> Replication class: SimpleStrategy {replication_factor=2}", StringComparison.Ordinal);
        var transport = new FakeTransport().Node40("127.0.0.1").Answer("127.0.0.1", "nodetool describecluster", description);

        var act = () => Discover(transport, "system_auth");

        await act.Should().ThrowAsync<CstarException>().WithMessage("*schema of keyspace system_auth asks for 2 replica(s), but*gives range * 1 (*");
    }

    [Fact]
    public async Task A_4_0_cluster_with_node3_down_still_passes_both_checks()
    {
        var transport = new FakeTransport().Node40("127.0.0.1", describecluster: "describecluster-node3-DN.txt", status: "status-node3-DN.txt")
            .Answer("127.0.0.1", "nodetool describering acc_nts", Fixtures.RealNodetool("4.0-alpha4", "describering-acc_nts-node3-DN.txt"));

        var cluster = (await Discover(transport, "acc_nts")).Clusters.Single();

        cluster.Replicas.Keyspaces.Single().Ranges.Should().OnlyContain(r => r.Endpoints.Length == 3);
    }

    [Fact]
    public void One_host_placed_in_two_dcs_within_describering_is_a_parse_error()
    {
        var text = Fixtures.RealNodetool("3.11.10", "describering-acc_nts.txt");
        var first = text.IndexOf("\tTokenRange(", StringComparison.Ordinal);
        var next = text.IndexOf('\n', first) + 1;
        var changed = text[..next] + text[next..].Replace("host:127.0.0.3, datacenter:dc2", "host:127.0.0.3, datacenter:dc1", StringComparison.Ordinal);

        var act = () => DescriberingParser.Parse(changed);

        act.Should().Throw<CstarException>().WithMessage("*127.0.0.3 placed in dc1/rack1 here and in dc2/rack1 before*");
    }
}
