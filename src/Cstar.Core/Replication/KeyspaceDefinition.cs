using System.Collections.Immutable;

namespace Cstar.Core.Replication;

/// <summary>
/// A keyspace and its replication settings. For SimpleStrategy the factor is under
/// "replication_factor"; for NetworkTopologyStrategy there is one entry per DC.
/// </summary>
public sealed record KeyspaceDefinition(
    string Name,
    ReplicationClass Class,
    ImmutableSortedDictionary<string, int> ReplicationFactors)
{
    public const string SimpleFactorKey = "replication_factor";

    public static KeyspaceDefinition Simple(string name, int replicationFactor) =>
        new(name, ReplicationClass.Simple, ImmutableSortedDictionary<string, int>.Empty.Add(SimpleFactorKey, replicationFactor));

    public static KeyspaceDefinition NetworkTopology(string name, IEnumerable<KeyValuePair<string, int>> factors) =>
        new(name, ReplicationClass.NetworkTopology, factors.ToImmutableSortedDictionary(StringComparer.Ordinal));

    public static KeyspaceDefinition Local(string name) =>
        new(name, ReplicationClass.Local, ImmutableSortedDictionary<string, int>.Empty);

    /// <summary>The number of replicas this keyspace keeps in <paramref name="datacenter"/> (NTS), or overall (Simple).</summary>
    public int FactorFor(string datacenter) => Class switch
    {
        ReplicationClass.Simple => ReplicationFactors.GetValueOrDefault(SimpleFactorKey),
        ReplicationClass.NetworkTopology => ReplicationFactors.GetValueOrDefault(datacenter),
        _ => 0,
    };
}
