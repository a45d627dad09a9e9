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

    /// <summary>The keyspaces every cluster has, in the order Cassandra 4.0 lists them.</summary>
    public static ImmutableArray<KeyspaceDefinition> SystemKeyspaces { get; } =
    [
        KeyspaceDefinition.Local("system_schema"),
        KeyspaceDefinition.Local("system"),
        KeyspaceDefinition.Simple("system_auth", 1),
        KeyspaceDefinition.Simple("system_distributed", 3),
        KeyspaceDefinition.Simple("system_traces", 2),
    ];

    /// <summary>The names Cassandra does not count as user keyspaces (Schema.getUserKeyspaces).</summary>
    public static ImmutableHashSet<string> SystemKeyspaceNames { get; } = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "system", "system_schema", "system_auth", "system_distributed", "system_traces", "system_views", "system_virtual_schema");
}
