using Cstar.Core.Errors;
using Cstar.Core.Ports;
using Cstar.Core.Replication;
using Cstar.Core.Topology;
using Cstar.Ring.Discovery;
using Cstar.TestKit;
using FluentAssertions;
using Xunit;

namespace Cstar.Ring.Tests;

public sealed class RingDiscoveryTests
{
    private static Task<DiscoveryResult> Discover(FakeTransport transport, params string[] seeds) =>
        Discover(transport, new DiscoveryOptions([.. seeds]));

    private static async Task<DiscoveryResult> Discover(FakeTransport transport, DiscoveryOptions options)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await new RingDiscovery(transport).DiscoverAsync(options, timeout.Token);
    }

    [Fact]
    public async Task Discovery_on_3_11_reads_nodes_and_the_replica_map_of_every_replicated_keyspace()
    {
        var transport = new FakeTransport().Node311("127.0.0.1");

        var result = await Discover(transport, "127.0.0.1");

        var cluster = result.Clusters.Should().ContainSingle().Subject;
        cluster.Topology.Name.Should().Be("acceptance");
        cluster.Topology.Nodes.Select(n => $"{n.Address}|{n.Datacenter}|{n.Rack}|{n.StateCode}|{n.HostId}|{n.Load}|{n.TokenCount}|{n.CassandraVersion ?? "-"}|{n.SchemaVersion}").Should().Equal(
            "127.0.0.1|dc1|rack1|UN|1ab5ec14-e964-49f0-b745-0b49aefe069c|101.8 KiB|256|3.11.10|db81f5d7-d91e-3347-a9bc-86f0a6ad8c8c",
            "127.0.0.2|dc1|rack2|UN|eaa2546a-865e-4e55-8c94-f1b52b66e2f0|92.75 KiB|256|-|db81f5d7-d91e-3347-a9bc-86f0a6ad8c8c",
            "127.0.0.3|dc2|rack1|UN|51c79abc-21e8-4136-9b7e-69b0313fadba|97.96 KiB|256|-|db81f5d7-d91e-3347-a9bc-86f0a6ad8c8c");
        cluster.Replicas.Keyspaces.Select(k => k.Keyspace.Name).Should().Equal("system_traces", "system_distributed", "system_auth", "acc_nts");
        cluster.Replicas.Keyspaces.Should().OnlyContain(k => k.Ranges.Length == 768);
        var acc = cluster.Replicas.Keyspaces.Single(k => k.Keyspace.Name == "acc_nts").Keyspace;
        acc.Class.Should().Be(ReplicationClass.Other, "3.x nodetool does not print the replication class");
        acc.ReplicationFactors.Should().Equal(new Dictionary<string, int> { ["dc1"] = 2, ["dc2"] = 1 });
        transport.CommandsRunOn("127.0.0.1").Should().NotContain(c => c == "nodetool describering system" || c == "nodetool describering system_schema");
        result.SeedFailures.Should().BeEmpty();
    }

    [Fact]
    public async Task Discovery_on_3_11_skips_a_keyspace_that_describering_says_has_no_ring()
    {
        var transport = new FakeTransport().Node311("127.0.0.1")
            .Answer("127.0.0.1", "nodetool tablestats", DiscoveryScenarios.Tablestats311 + "Keyspace : dse_system_local\n")
            .Answer("127.0.0.1", "nodetool describering dse_system_local", string.Empty, 2, "error: There is no ring for the keyspace: dse_system_local");

        var result = await Discover(transport, "127.0.0.1");

        result.Clusters.Single().Replicas.Keyspaces.Select(k => k.Keyspace.Name).Should().NotContain("dse_system_local").And.Contain("acc_nts");
    }

    [Fact]
    public async Task Discovery_on_4_0_takes_keyspaces_and_versions_from_describecluster()
    {
        var transport = new FakeTransport().Node40("127.0.0.1");

        var result = await Discover(transport, "127.0.0.1");

        var cluster = result.Clusters.Single();
        cluster.Topology.Nodes.Should().OnlyContain(n => n.CassandraVersion == "4.0.0-alpha4" && n.SchemaVersion == "fa4f8bee-474a-3603-8b45-d12b53b619bf");
        cluster.Replicas.Keyspaces.Select(k => $"{k.Keyspace.Name}:{k.Keyspace.Class}:{k.Ranges.Length}").Should().Equal(
            "system_auth:Simple:768", "system_distributed:Simple:768", "system_traces:Simple:768", "acc_nts:NetworkTopology:768");
        // tablestats (the 3.x keyspace list) is asked beside describecluster and dropped: the fake has no answer for it.
        transport.CommandsRunOn("127.0.0.1").Should().NotContain("nodetool version");
    }

    [Fact]
    public async Task Discovery_asks_describecluster_status_and_the_keyspace_list_at_once_then_every_describering_at_once()
    {
        var transport = new FakeTransport().Node311("127.0.0.1")
            .Hold("127.0.0.1", "nodetool describecluster", "nodetool status", "nodetool tablestats")
            .Hold("127.0.0.1", "nodetool describering acc_nts", "nodetool describering system_auth", "nodetool version");

        // Sequential calls would wait on the held answers until the test's own timeout cancels discovery.
        var result = await Discover(transport, new DiscoveryOptions(["127.0.0.1"]) { ReadsKeyspace = name => name is "acc_nts" or "system_auth" });

        result.Clusters.Single().Replicas.Keyspaces.Where(k => k.Ranges.Length > 0).Select(k => k.Keyspace.Name).Should().BeEquivalentTo("system_auth", "acc_nts");
    }

    [Fact]
    public async Task Keyspaces_the_policy_leaves_out_get_no_describering_and_stay_in_the_map_by_name()
    {
        var transport = new FakeTransport().Node311("127.0.0.1");

        var result = await Discover(transport, new DiscoveryOptions(["127.0.0.1"]) { ReadsKeyspace = name => !name.StartsWith("system_", StringComparison.Ordinal) || name == "system_auth" });

        var keyspaces = result.Clusters.Single().Replicas.Keyspaces;
        keyspaces.Select(k => $"{k.Keyspace.Name}:{k.Ranges.Length}").Should().Equal("system_traces:0", "system_distributed:0", "system_auth:768", "acc_nts:768");
        transport.CommandsRunOn("127.0.0.1").Should().NotContain("nodetool describering system_traces").And.NotContain("nodetool describering system_distributed");
    }

    [Fact]
    public async Task Keyspace_option_restricts_the_replica_map_and_skips_the_keyspace_listing()
    {
        var transport = new FakeTransport().Node311("127.0.0.1");

        var result = await Discover(transport, new DiscoveryOptions(["127.0.0.1"]) { Keyspace = "acc_nts" });

        result.Clusters.Single().Replicas.Keyspaces.Should().ContainSingle().Which.Keyspace.Name.Should().Be("acc_nts");
        transport.CommandsRunOn("127.0.0.1").Should().NotContain("nodetool tablestats");
    }

    [Theory]
    [InlineData("nosuch", "*'nosuch' does not exist*", "*system_auth*acc_nts*")]
    [InlineData("system_schema", "*'system_schema' uses LocalStrategy*", "*replicated keyspace*")]
    public async Task Keyspace_option_naming_a_missing_or_local_keyspace_is_an_error(string keyspace, string message, string hint)
    {
        var transport = new FakeTransport().Node40("127.0.0.1");

        var act = () => Discover(transport, new DiscoveryOptions(["127.0.0.1"]) { Keyspace = keyspace });

        (await act.Should().ThrowAsync<CstarException>().WithMessage(message)).Which.Hint.Should().Match(hint);
    }

    [Fact]
    public async Task A_failing_seed_is_reported_and_the_next_seed_is_tried()
    {
        var transport = new FakeTransport()
            .Fail("10.9.9.1", "nodetool describecluster", TransportFailureKind.ConnectionRefused, "ssh: connect to host 10.9.9.1 port 22: Connection refused")
            .Answer("10.9.9.2", "nodetool describecluster", string.Empty, 1, "nodetool: Failed to connect to '127.0.0.1:7199' - ConnectException: 'Connection refused'.")
            .Node311("127.0.0.1");

        var result = await Discover(transport, "10.9.9.1", "10.9.9.2", "127.0.0.1");

        result.Clusters.Should().ContainSingle();
        result.SeedFailures.Select(f => $"{f.Seed}: {f.Reason}").Should().Equal(
            "10.9.9.1: connection refused: ssh: connect to host 10.9.9.1 port 22: Connection refused",
            "10.9.9.2: 'nodetool describecluster' exited with 1: nodetool: Failed to connect to '127.0.0.1:7199' - ConnectException: 'Connection refused'.");
    }

    [Fact]
    public async Task When_every_seed_fails_the_error_lists_each_seed_with_its_reason()
    {
        var transport = new FakeTransport()
            .Fail("a", "nodetool describecluster", TransportFailureKind.Timeout, "no answer in 10 s")
            .Fail("b", "nodetool describecluster", TransportFailureKind.Authentication, "permission denied (publickey)")
            .Node311("c").Answer("c", "nodetool status", string.Empty, 1, "nodetool: Failed to connect");

        var act = () => Discover(transport, "a", "b", "c");

        var error = (await act.Should().ThrowAsync<CstarException>()).Which;
        error.Message.Should().Contain("any seed (3 tried)")
            .And.Contain("a: timed out: no answer in 10 s")
            .And.Contain("b: authentication failed: permission denied (publickey)")
            .And.Contain("c: 'nodetool status' exited with 1: nodetool: Failed to connect");
        error.Hint.Should().Contain("nodetool status");
    }

    [Fact]
    public async Task Seeds_of_two_clusters_give_two_clusters_and_a_seed_inside_a_found_cluster_is_not_asked()
    {
        var transport = new FakeTransport().Node311("127.0.0.1").Node40("other-seed", clusterName: "other");

        var result = await Discover(transport, new DiscoveryOptions(SeedList.Parse(["127.0.0.1 127.0.0.2", "other-seed"])));

        result.Clusters.Select(c => c.Topology.Name).Should().Equal("acceptance", "other");
        result.SkippedSeeds.Should().Equal("127.0.0.2");
        transport.Calls.Should().NotContain(c => c.Host == "127.0.0.2");
        result.Topology.AllNodes.Should().HaveCount(6);
    }

    [Fact]
    public async Task Clusters_with_the_same_name_are_told_apart_by_host_ids_and_an_alias_seed_gives_no_duplicate()
    {
        var transport = new FakeTransport().Node311("127.0.0.1").Node311("node1.example").Node40("b-seed");

        var result = await Discover(transport, "127.0.0.1", "node1.example", "b-seed");

        result.Clusters.Should().HaveCount(2);
        result.Clusters.Select(c => c.Seed).Should().Equal("127.0.0.1", "b-seed");
        result.SkippedSeeds.Should().Equal("node1.example");
    }

    [Fact]
    public async Task A_parse_error_stops_discovery_instead_of_hiding_behind_another_seed()
    {
        var transport = new FakeTransport().Node311("127.0.0.1").Answer("127.0.0.1", "nodetool status", "Datacenter: dc1\nsomething odd\n").Node311("127.0.0.2");

        var act = () => Discover(transport, "127.0.0.1", "127.0.0.2");

        await act.Should().ThrowAsync<CstarException>().WithMessage("*line 2 of 'nodetool status'*");
        transport.Calls.Should().NotContain(c => c.Host == "127.0.0.2");
    }
}
