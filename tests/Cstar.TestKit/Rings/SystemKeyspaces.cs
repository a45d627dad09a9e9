using Cstar.Core.Replication;

namespace Cstar.TestKit.Rings;

/// <summary>
/// The replicated system keyspaces of a test ring: as Cassandra ships them (2.1 to 5.0: SimpleStrategy,
/// system_auth RF 1, system_distributed RF 3, system_traces RF 2) or "hardened" (NetworkTopologyStrategy per DC).
/// </summary>
public static class SystemKeyspaces
{
    public static IReadOnlyList<KeyspaceDefinition> Stock() =>
    [
        KeyspaceDefinition.Simple("system_auth", 1),
        KeyspaceDefinition.Simple("system_distributed", 3),
        KeyspaceDefinition.Simple("system_traces", 2),
    ];

    /// <summary>2 DCs x 3 racks, nodesPerDc in each, a user keyspace `app` NTS RF 3 per DC and the stock system keyspaces.</summary>
    public static TestRing StockTwoDcRing(int nodesPerDc)
    {
        var ring = new TestRing().WithNodes(nodesPerDc, "dc1", racks: 3).WithNodes(nodesPerDc, "dc2", racks: 3)
            .WithPlacedKeyspace(TestRing.Nts("app", ("dc1", 3), ("dc2", 3)));
        foreach (var keyspace in Stock())
        {
            ring.WithPlacedKeyspace(keyspace);
        }

        return ring;
    }

    public static IReadOnlyList<KeyspaceDefinition> Hardened(IEnumerable<string> datacenters)
    {
        var dcs = datacenters.ToList();
        return
        [
            TestRing.Nts("system_auth", [.. dcs.Select(d => (d, 3))]),
            TestRing.Nts("system_distributed", [.. dcs.Select(d => (d, 3))]),
            TestRing.Nts("system_traces", [.. dcs.Select(d => (d, 2))]),
        ];
    }
}
