using System.Collections.Immutable;
using System.Globalization;
using Cstar.Core.Replication;
using Cstar.Core.Topology;

namespace Cstar.Core.Scheduling;

/// <summary>
/// The one warning per job for a keyspace whose level no order can keep: what becomes unavailable while each of
/// its nodes runs, what cstar does instead of refusing, and the fix the Cassandra documentation gives (raise the
/// replication with ALTER KEYSPACE, then repair the keyspace node by node).
/// </summary>
internal static class KeyspaceWarning
{
    public static string Text(ClusterTopology cluster, KeyspaceReplicas keyspace, string replicas, string level, bool perDc, ImmutableArray<string> unkeepable, IReadOnlyDictionary<string, string> dcOf)
    {
        var name = keyspace.Keyspace.Name;
        var where = perDc ? "in " + string.Join(" or ", unkeepable) : "in any DC";
        var single = keyspace.Ranges.Any(r => perDc
            ? r.Endpoints.GroupBy(e => dcOf.GetValueOrDefault(e, "?"), StringComparer.Ordinal).Any(g => g.Count() == 1 && unkeepable.Contains(g.Key))
            : r.Endpoints.Length == 1);
        var lost = string.Equals(name, KeyspacePolicy.Auth, StringComparison.Ordinal)
            ? $"logins and permission checks that need the data that node holds fail {where} once the caches expire"
            : single
                ? $"the ranges only that node holds {where} are unavailable at every level"
                : $"{level} reads and writes of that node's ranges fail {where} (ONE still works)";
        return $"keyspace {name} ({replicas}) cannot keep {level} {where}: while each of its nodes runs, {lost}. "
            + "cstar runs no two of its replicas at once instead of refusing (--strict-consistency refuses). "
            + $"Fix: ALTER KEYSPACE {name} WITH replication = {Replication(cluster, keyspace, dcOf)}; then run 'nodetool repair {name}' on each node, one at a time.";
    }

    /// <summary>NetworkTopologyStrategy with 3 replicas (or as many as there are nodes) in each DC that needs them.</summary>
    private static string Replication(ClusterTopology cluster, KeyspaceReplicas keyspace, IReadOnlyDictionary<string, string> dcOf)
    {
        var dcs = string.Equals(keyspace.Keyspace.Name, KeyspacePolicy.Auth, StringComparison.Ordinal) || keyspace.Keyspace.Class == ReplicationClass.Simple
            ? cluster.Datacenters
            : keyspace.Ranges.SelectMany(r => r.Endpoints).Select(e => dcOf.GetValueOrDefault(e, "?")).Distinct(StringComparer.Ordinal);
        var factors = dcs.Order(StringComparer.Ordinal).Select(dc =>
        {
            var nodes = cluster.Nodes.Count(n => string.Equals(n.Datacenter, dc, StringComparison.Ordinal));
            return string.Create(CultureInfo.InvariantCulture, $", '{dc}': {Math.Max(1, Math.Min(3, nodes))}");
        });
        return "{'class': 'NetworkTopologyStrategy'" + string.Concat(factors) + "}";
    }
}
