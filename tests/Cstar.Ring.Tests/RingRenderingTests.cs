using System.Collections.Immutable;
using Cstar.Core.Topology;
using Cstar.Ring.Discovery;
using Cstar.Ring.Rendering;
using Cstar.TestKit;
using FluentAssertions;
using Xunit;

namespace Cstar.Ring.Tests;

public sealed class RingRenderingTests
{
    private static async Task<RingTopology> Discovered311()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var transport = new FakeTransport().Node311("127.0.0.1", status: "status-node3-DN.txt", describecluster: "describecluster-node3-DN.txt");
        var result = await new RingDiscovery(transport).DiscoverAsync(new DiscoveryOptions(["127.0.0.1"]) { Keyspace = "acc_nts" }, timeout.Token);
        return result.Topology;
    }

    [Fact]
    public async Task Text_rendering_shows_clusters_dcs_racks_and_hosts_with_state_load_id_and_versions()
    {
        var lines = RingTextRenderer.Render(await Discovered311());

        lines.Should().Equal(
            "Cluster: acceptance (3 nodes, 2 DCs)",
            "  DC: dc1 (2 nodes)",
            "    Rack: rack1",
            "     UN  127.0.0.1  101.8 KiB  1ab5ec14-e964-49f0-b745-0b49aefe069c  3.11.10  db81f5d7-d91e-3347-a9bc-86f0a6ad8c8c",
            "    Rack: rack2",
            "     UN  127.0.0.2  92.75 KiB  eaa2546a-865e-4e55-8c94-f1b52b66e2f0  -        db81f5d7-d91e-3347-a9bc-86f0a6ad8c8c",
            "  DC: dc2 (1 node)",
            "    Rack: rack1",
            "     DN  127.0.0.3  97.96 KiB  51c79abc-21e8-4136-9b7e-69b0313fadba  -        -");
    }

    [Fact]
    public void Text_rendering_orders_addresses_numerically_and_flags_schema_disagreement()
    {
        var nodes = new[] { "10.0.0.10", "10.0.0.9", "2001:db8::1" }.Select(a => TopologyBuilder.Node(a, "dc1", "r1")).ToImmutableArray();
        var schemas = ImmutableDictionary<string, ImmutableArray<string>>.Empty
            .Add("fa4f8bee-474a-3603-8b45-d12b53b619bf", ["10.0.0.9"]).Add("db81f5d7-d91e-3347-a9bc-86f0a6ad8c8c", ["10.0.0.10"]);
        var ring = new RingTopology([new ClusterTopology("prod", nodes, schemas)]);

        var lines = RingTextRenderer.Render(ring);

        lines[1].Should().StartWith("  WARNING: schema disagreement, 2 schema versions");
        lines.Where(l => l.StartsWith("     ", StringComparison.Ordinal)).Select(l => l.Split("  ", StringSplitOptions.RemoveEmptyEntries)[1])
            .Should().Equal("10.0.0.9", "10.0.0.10", "2001:db8::1");
    }

    [Fact]
    public async Task Json_rendering_round_trips_the_same_tree()
    {
        var json = RingJson.Serialize(await Discovered311());

        json.Should().Contain("\"clusters\"").And.Contain("\"hostId\": \"51c79abc-21e8-4136-9b7e-69b0313fadba\"");
        var view = RingJson.Deserialize(json)!;
        var cluster = view.Clusters.Should().ContainSingle().Subject;
        cluster.Name.Should().Be("acceptance");
        cluster.SchemaVersions.Should().Equal("UNREACHABLE", "db81f5d7-d91e-3347-a9bc-86f0a6ad8c8c");
        cluster.Datacenters.Select(d => $"{d.Name}:{string.Join(',', d.Racks.Select(r => $"{r.Name}={string.Join('+', r.Hosts.Select(h => $"{h.Address}/{h.State}/{h.Up}/{h.Load}/{h.Tokens}/{h.CassandraVersion ?? "-"}"))}"))}")
            .Should().Equal(
                "dc1:rack1=127.0.0.1/UN/True/101.8 KiB/256/3.11.10,rack2=127.0.0.2/UN/True/92.75 KiB/256/-",
                "dc2:rack1=127.0.0.3/DN/False/97.96 KiB/256/-");
    }
}
