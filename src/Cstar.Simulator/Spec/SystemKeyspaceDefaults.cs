using System.Collections.Immutable;
using Cstar.Core.Replication;
using Cstar.Simulator.Java;

namespace Cstar.Simulator.Spec;

/// <summary>
/// The system keyspaces of a cluster of a given Cassandra version, in the order 4.0's describecluster lists
/// them. Stock, as each version creates them on first start (apache/cassandra sources):
/// <list type="bullet">
/// <item>system_auth SimpleStrategy RF 1: 2.1 auth/Auth.java setupAuthKeyspace (replication_factor "1"); 2.2 to
/// 5.0 auth/AuthKeyspace.java (KeyspaceParams.simple(1); 4.0+ through SYSTEM_AUTH_DEFAULT_RF = 1 in
/// config/CassandraRelevantProperties.java).</item>
/// <item>system_traces SimpleStrategy RF 2: 2.1 config/KSMetaData.java traceKeyspace (replication_factor "2"); 2.2 to
/// 5.0 tracing/TraceKeyspace.java (simple(2); 4.0+ max(SYSTEM_TRACES_DEFAULT_RF = 2, default_keyspace_rf = 1)).</item>
/// <item>system_distributed SimpleStrategy RF 3, from 2.2 on (repair history, CASSANDRA-5839):
/// repair/SystemDistributedKeyspace.java (simple(3); 4.0+ SYSTEM_DISTRIBUTED_DEFAULT_RF = 3).</item>
/// <item>system_schema (LocalStrategy) from 3.0 on (schema/SchemaKeyspace.java); before, the schema lived in system.</item>
/// </list>
/// The 4.0+ virtual keyspaces (system_views, system_virtual_schema) are not in the schema, so describecluster
/// and describering never show them (real 4.0-alpha4 capture); 5.0 adds none (system_cluster_metadata and
/// system_accord are trunk only, schema/SchemaConstants.java).
/// </summary>
public static class SystemKeyspaceDefaults
{
    public static ImmutableArray<KeyspaceDefinition> Stock(string cassandraVersion)
    {
        var version = CassandraVersion.Parse(cassandraVersion);
        var keyspaces = ImmutableArray.CreateBuilder<KeyspaceDefinition>();
        if (version.Major >= 3)
        {
            keyspaces.Add(KeyspaceDefinition.Local("system_schema"));
        }

        keyspaces.Add(KeyspaceDefinition.Local("system"));
        keyspaces.Add(KeyspaceDefinition.Simple("system_auth", 1));
        if (version.Major >= 3 || version.Minor >= 2)
        {
            keyspaces.Add(KeyspaceDefinition.Simple("system_distributed", 3));
        }

        keyspaces.Add(KeyspaceDefinition.Simple("system_traces", 2));
        return keyspaces.ToImmutable();
    }

    /// <summary>The same keyspaces, replicated with NetworkTopologyStrategy: 3 per DC (2 for system_traces), capped by the DC's node count.</summary>
    public static ImmutableArray<KeyspaceDefinition> Hardened(string cassandraVersion, IReadOnlyDictionary<string, int> nodesPerDatacenter)
    {
        ArgumentNullException.ThrowIfNull(nodesPerDatacenter);
        return [.. Stock(cassandraVersion).Select(k => k.Class == ReplicationClass.Local
            ? k
            : KeyspaceDefinition.NetworkTopology(k.Name, nodesPerDatacenter.Select(dc => new KeyValuePair<string, int>(dc.Key, Math.Min(k.Name == "system_traces" ? 2 : 3, dc.Value)))))];
    }

    public static ImmutableArray<KeyspaceDefinition> For(SystemKeyspaceProfile profile, string cassandraVersion, IReadOnlyDictionary<string, int> nodesPerDatacenter) =>
        profile == SystemKeyspaceProfile.Hardened ? Hardened(cassandraVersion, nodesPerDatacenter) : Stock(cassandraVersion);

    /// <summary>"stock" or "hardened" (any case).</summary>
    public static bool TryParseProfile(string text, out SystemKeyspaceProfile profile) =>
        Enum.TryParse(text, ignoreCase: true, out profile) && Enum.IsDefined(profile) && !int.TryParse(text, out _);
}
