using Cstar.Core.Replication;
using Cstar.Simulator.Model;
using Cstar.Simulator.Spec;
using Cstar.Simulator.Tests.Support;
using Cstar.TestKit;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Simulator.Tests;

public sealed class ReplicaPlacementTests
{
    [Theory]
    [InlineData("3.11.10", "acc_nts")]
    [InlineData("3.11.10", "system_auth")]
    [InlineData("4.0-alpha4", "acc_nts")]
    [InlineData("4.0-alpha4", "system_auth")]
    public void Replica_map_reproduces_every_endpoint_list_of_the_captured_describering_in_order(string version, string keyspace)
    {
        var ring = new SimulatedRing(CapturedCluster.Builder(version, "status.txt").Build(), new ManualClock());
        var expected = ParseDescribering(Fixtures.RealNodetool(version, $"describering-{keyspace}.txt"));

        var ranges = ring.ReplicaMap().Keyspaces.Single(k => k.Keyspace.Name == keyspace).Ranges
            .ToDictionary(r => (r.StartToken, r.EndToken), r => string.Join(", ", r.Endpoints));

        expected.Should().HaveCount(768);
        ranges.Should().BeEquivalentTo(expected);
    }

    [Fact]
    public void Simple_strategy_takes_the_next_distinct_nodes_clockwise()
    {
        var placement = Place(KeyspaceDefinition.Simple("ks", 2), ("dc1", "r1", [10, 40]), ("dc1", "r1", [20]), ("dc1", "r1", [30]));

        Replicas(placement, 10).Should().Equal(0, 1);
        Replicas(placement, 20).Should().Equal(1, 2);
        Replicas(placement, 30).Should().Equal(2, 0);
        Replicas(placement, 40).Should().Equal(0, 1); // wraps around and skips node 0's second token
    }

    [Fact]
    public void Simple_strategy_with_more_replicas_than_nodes_places_every_node_once()
    {
        var placement = Place(KeyspaceDefinition.Simple("ks", 5), ("dc1", "r1", [10]), ("dc1", "r1", [20]));

        Replicas(placement, 10).Should().Equal(0, 1);
    }

    [Fact]
    public void Network_topology_strategy_prefers_a_new_rack_over_the_next_node()
    {
        // ring walk from 10: n0(rackA) n1(rackA) n2(rackB) n3(rackB)
        var placement = Place(Nts(("dc1", 2)), ("dc1", "rackA", [10]), ("dc1", "rackA", [20]), ("dc1", "rackB", [30]), ("dc1", "rackB", [40]));

        Replicas(placement, 10).Should().Equal(0, 2);
    }

    [Fact]
    public void Network_topology_strategy_fills_each_datacenter_with_its_own_factor()
    {
        var placement = Place(Nts(("dc1", 1), ("dc2", 2)), ("dc1", "r1", [10]), ("dc2", "r1", [20]), ("dc1", "r1", [30]), ("dc2", "r2", [40]));

        Replicas(placement, 10).Should().Equal(0, 1, 3);
    }

    [Fact]
    public void Network_topology_strategy_ignores_a_datacenter_without_nodes()
    {
        var placement = Place(Nts(("dc1", 2), ("dc9", 3)), ("dc1", "r1", [10]), ("dc1", "r2", [20]));

        Replicas(placement, 10).Should().Equal(0, 1);
    }

    [Fact]
    public void With_fewer_racks_than_replicas_the_modern_walk_accepts_rack_repeats_as_met()
    {
        // RF 3 over 2 racks: walk A0 A1 A2 B3. One repeat is allowed, and it is the first met.
        var placement = Place(Nts(("dc1", 3)), ("dc1", "A", [10]), ("dc1", "A", [20]), ("dc1", "A", [30]), ("dc1", "B", [40]));

        Replicas(placement, 10).Should().Equal(0, 1, 3);
    }

    [Fact]
    public void With_fewer_racks_than_replicas_the_pre_3_0_walk_appends_skipped_nodes_after_the_last_new_rack()
    {
        var placement = Place(Nts(("dc1", 3)), legacy: true, ("dc1", "A", [10]), ("dc1", "A", [20]), ("dc1", "A", [30]), ("dc1", "B", [40]));

        Replicas(placement, 10).Should().Equal(0, 3, 1);
    }

    [Fact]
    public void Both_walks_choose_the_same_replica_set()
    {
        var spec = RingBuilder.Create().WithGeneratedNodes(30, datacenters: 2, racksPerDatacenter: 2, vnodes: 8, seed: 7).Build();
        var tokens = spec.Nodes.Select(n => n.Tokens.ToArray()).ToList();
        var ks = Nts(("dc1", 3), ("dc2", 3));
        var modern = Place(tokens, spec, ks, legacy: false);
        var legacy = Place(tokens, spec, ks, legacy: true);

        for (var i = 0; i < modern.Ring.Count; i++)
        {
            modern.Replicas(i).ToArray().Should().BeEquivalentTo(legacy.Replicas(i).ToArray());
        }
    }

    private static KeyspaceDefinition Nts(params (string Dc, int Rf)[] factors) =>
        KeyspaceDefinition.NetworkTopology("ks", factors.Select(f => new KeyValuePair<string, int>(f.Dc, f.Rf)));

    private static Placement Place(KeyspaceDefinition keyspace, params (string Dc, string Rack, long[] Tokens)[] nodes) =>
        Place(keyspace, false, nodes);

    private static Placement Place(KeyspaceDefinition keyspace, bool legacy, params (string Dc, string Rack, long[] Tokens)[] nodes)
    {
        var model = new RingModel([.. nodes.Select(n => n.Tokens)], [.. nodes.Select(n => n.Dc)], [.. nodes.Select(n => n.Rack)], [.. nodes.Select(_ => false)], legacy);
        return model.PlacementFor(keyspace);
    }

    private static Placement Place(List<long[]> tokens, RingSpec spec, KeyspaceDefinition keyspace, bool legacy) =>
        new RingModel(tokens, [.. spec.Nodes.Select(n => n.Datacenter)], [.. spec.Nodes.Select(n => n.Rack)], [.. spec.Nodes.Select(_ => false)], legacy).PlacementFor(keyspace);

    private static int[] Replicas(Placement placement, long endToken) =>
        placement.Replicas(Array.IndexOf(placement.Ring.SortedTokens, endToken)).ToArray();

    /// <summary>(start, end) → "a, b, c" from each TokenRange line of a describering capture.</summary>
    private static Dictionary<(string, string), string> ParseDescribering(string output) =>
        output.Split('\n').Where(l => l.StartsWith("\tTokenRange(", StringComparison.Ordinal)).ToDictionary(
            l => (Between(l, "start_token:", ","), Between(l, "end_token:", ",")),
            l => Between(l, "endpoints:[", "]"));

    private static string Between(string line, string from, string to)
    {
        var start = line.IndexOf(from, StringComparison.Ordinal) + from.Length;
        return line[start..line.IndexOf(to, start, StringComparison.Ordinal)];
    }
}
