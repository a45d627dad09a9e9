using System.Collections.Immutable;
using Cstar.Core.Replication;

namespace Cstar.Simulator.Spec;

/// <summary>
/// Everything needed to build a <see cref="SimulatedRing"/>: cluster name, nodes, keyspaces (in the order
/// 4.0's describecluster lists them), schema version and the range from which each (viewer, subject)
/// gossip detection delay is drawn (deterministically from <see cref="Seed"/>).
/// </summary>
public sealed record RingSpec(
    string ClusterName,
    ImmutableArray<NodeSpec> Nodes,
    ImmutableArray<KeyspaceDefinition> Keyspaces,
    Guid SchemaVersion,
    TimeSpan MinGossipDelay,
    TimeSpan MaxGossipDelay,
    int Seed)
{
    public const string Snitch = "org.apache.cassandra.locator.GossipingPropertyFileSnitch";

    public const string Partitioner = "org.apache.cassandra.dht.Murmur3Partitioner";

    /// <summary>The system keyspaces of a stock 3.0 to 5.0 cluster, in the order Cassandra 4.0 lists them (see <see cref="SystemKeyspaceDefaults"/>).</summary>
    public static ImmutableArray<KeyspaceDefinition> SystemKeyspaces { get; } = SystemKeyspaceDefaults.Stock("4.0.0");

    /// <summary>The names Cassandra does not count as user keyspaces (Schema.getUserKeyspaces).</summary>
    public static ImmutableHashSet<string> SystemKeyspaceNames { get; } = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "system", "system_schema", "system_auth", "system_distributed", "system_traces", "system_views", "system_virtual_schema");
}
