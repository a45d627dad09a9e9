using System.Collections.Immutable;

namespace Cstar.Core.Replication;

/// <summary>
/// Which nodes hold the same data, per keyspace, for one cluster. LocalStrategy keyspaces are never
/// in it; system_auth, system_distributed and system_traces are.
/// </summary>
public sealed record ReplicaMap(string ClusterName, ImmutableArray<KeyspaceReplicas> Keyspaces)
{
    public static ReplicaMap Empty(string clusterName) => new(clusterName, ImmutableArray<KeyspaceReplicas>.Empty);
}
