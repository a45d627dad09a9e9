using System.Collections.Immutable;
using System.Globalization;
using Cstar.Core.Replication;
using Cstar.Core.Topology;

namespace Cstar.TestKit.Rings;

/// <summary>
/// cstar's own test topology (tests/strategy_test.py): 2 clusters × 2 DCs × 12 hosts, where ring neighbours
/// ±2 in the same DC share ranges. Built as a replica map: one NTS keyspace with RF 3 per DC whose range i
/// is replicated on hosts i, i+1, i+2 of each DC, so the replica-sharing friends of host i are exactly
/// i-2..i+2. With RF 3 the default LOCAL_QUORUM allows one replica of each range down per DC, which is
/// exactly what the topology strategy already allows: consistency awareness adds no restriction.
/// </summary>
public static class CstarSyntheticTopology
{
    public static IReadOnlyList<string> Clusters { get; } = ["cluster1", "cluster2"];

    public static IReadOnlyList<string> Datacenters { get; } = ["dc1", "dc2"];

    public static string Address(int cluster, int dc, int host) =>
        string.Create(CultureInfo.InvariantCulture, $"10.{cluster + 1}.{dc + 1}.{host + 1}");

    public static RingTopology Topology() => new([.. Clusters.Select((name, c) => ClusterTopology.Create(
        name,
        Enumerable.Range(0, 2).SelectMany(d => Enumerable.Range(0, 12).Select(h => TestNodes.Up(Address(c, d, h), name, Datacenters[d], "rack1")))))]);

    public static IReadOnlyList<ReplicaMap> ReplicaMaps() => [.. Clusters.Select((name, c) =>
    {
        var keyspace = KeyspaceDefinition.NetworkTopology("ks", [new("dc1", 3), new("dc2", 3)]);
        var ranges = Enumerable.Range(0, 12).Select(i => new TokenRange(
            (i * 100).ToString(CultureInfo.InvariantCulture),
            ((i + 1) * 100).ToString(CultureInfo.InvariantCulture),
            [.. Enumerable.Range(0, 2).SelectMany(d => Enumerable.Range(i, 3).Select(h => Address(c, d, h % 12)))])).ToImmutableArray();
        return new ReplicaMap(name, [new KeyspaceReplicas(keyspace, ranges)]);
    })];
}
