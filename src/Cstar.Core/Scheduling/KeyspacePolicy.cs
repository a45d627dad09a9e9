using System.Collections.Immutable;
using Cstar.Core.Replication;
using Cstar.Core.Topology;

namespace Cstar.Core.Scheduling;

/// <summary>
/// Which keyspaces the consistency rules cover, and why. Defaults: every replicated user keyspace, and
/// system_auth (logins need it); the other system keyspaces (system_traces, system_distributed) are left out,
/// as cstar leaves out every system keyspace: clients never need them. A keyspace whose level no order can
/// keep (a range scope where the level needs every replica) is warned about and run one replica at a time,
/// unless --strict-consistency. Replicas per DC always come from the ranges' endpoints and their nodes' DCs,
/// never from the replication class (2.x/3.x report it as Other).
/// </summary>
public static class KeyspacePolicy
{
    public const string Auth = "system_auth";

    public static ImmutableArray<KeyspaceTreatment> Classify(ClusterTopology cluster, IEnumerable<KeyspaceReplicas> keyspaces, SchedulingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(keyspaces);
        ArgumentNullException.ThrowIfNull(policy);
        var dcOf = cluster.Nodes.GroupBy(n => n.Address, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Datacenter, StringComparer.Ordinal);
        return [.. keyspaces.Where(k => k.Keyspace.Class != ReplicationClass.Local)
            .OrderBy(k => k.Keyspace.Name, StringComparer.Ordinal)
            .Select(k => Treat(cluster, k, policy, dcOf))];
    }

    /// <summary>
    /// Why the rules leave a keyspace out (--ignore-keyspace, not named by --keyspace, an optional system keyspace),
    /// or null when they look at it. Discovery reads the replicas of no keyspace left out.
    /// </summary>
    public static string? LeftOutReason(string name, SchedulingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.IgnoreKeyspaces.Contains(name))
        {
            return "left out: --ignore-keyspace";
        }

        if (!policy.KeyspaceFilter.IsEmpty && !policy.KeyspaceFilter.Contains(name))
        {
            return "left out: not named by --keyspace";
        }

        return policy.KeyspaceFilter.IsEmpty && !policy.IncludeSystemKeyspaces && IsOptionalSystemKeyspace(name)
            ? "left out: clients never need it (--include-system-keyspaces covers it)"
            : null;
    }

    /// <summary>A system keyspace that is left out unless named with --keyspace or --include-system-keyspaces.</summary>
    public static bool IsOptionalSystemKeyspace(string name) =>
        name.StartsWith("system_", StringComparison.Ordinal) && !string.Equals(name, Auth, StringComparison.Ordinal);

    /// <summary>The name of the level kept in a scope: the explicit one, or LOCAL_QUORUM per DC / QUORUM over all DCs.</summary>
    public static string LevelName(ConsistencyLevel? level, bool perDc) => level switch
    {
        null => perDc ? "LOCAL_QUORUM" : "QUORUM",
        ConsistencyLevel.LocalQuorum => "LOCAL_QUORUM",
        ConsistencyLevel.EachQuorum => "EACH_QUORUM",
        ConsistencyLevel.LocalOne => "LOCAL_ONE",
        ConsistencyLevel.Quorum => "QUORUM",
        _ => "ONE",
    };

    /// <summary>Whether the level counts replicas per DC for this keyspace: not for SimpleStrategy, not for QUORUM/ONE.</summary>
    internal static bool CountsPerDc(KeyspaceDefinition keyspace, ConsistencyLevel? level) =>
        keyspace.Class != ReplicationClass.Simple && level is not (ConsistencyLevel.Quorum or ConsistencyLevel.One);

    /// <summary>Live replicas the level needs out of <paramref name="replicas"/> (automatic = a quorum).</summary>
    internal static int Need(ConsistencyLevel? level, int replicas) =>
        level is ConsistencyLevel.One or ConsistencyLevel.LocalOne ? 1 : (replicas / 2) + 1;

    private static KeyspaceTreatment Treat(ClusterTopology cluster, KeyspaceReplicas keyspace, SchedulingPolicy policy, Dictionary<string, string> dcOf)
    {
        var name = keyspace.Keyspace.Name;
        var replicas = ReplicasPerDc(keyspace, dcOf);
        KeyspaceTreatment Make(KeyspaceCoverage coverage, string why) => new(cluster.Name, name, coverage, why, replicas);
        if (LeftOutReason(name, policy) is { } leftOut)
        {
            return Make(KeyspaceCoverage.LeftOut, leftOut);
        }

        if (policy.Strategy == SchedulingStrategy.All)
        {
            return Make(KeyspaceCoverage.NotChecked, "not checked: strategy all starts every host at once");
        }

        if (!policy.KeepConsistency)
        {
            return Make(KeyspaceCoverage.NotChecked, "not checked: consistency awareness is off");
        }

        if (policy.AllowUnavailableKeyspaces.Contains(name))
        {
            return Make(KeyspaceCoverage.AllowedUnavailable, "may become unavailable: --allow-unavailable");
        }

        var perDc = CountsPerDc(keyspace.Keyspace, policy.ConsistencyLevel);
        var level = LevelName(policy.ConsistencyLevel, perDc);
        var unkeepable = UnkeepableScopes(keyspace, policy.ConsistencyLevel, perDc, dcOf);
        if (unkeepable.IsEmpty)
        {
            return Make(KeyspaceCoverage.Covered, $"kept at {level}{(perDc ? " in each DC" : " over all DCs")}");
        }

        var where = perDc ? string.Join(" or ", unkeepable) : "all DCs";
        if (policy.StrictConsistency)
        {
            return Make(KeyspaceCoverage.Covered, $"kept at {level} although it cannot be kept in {where}: --strict-consistency blocks its nodes")
                with
            { UnkeepableIn = unkeepable };
        }

        return Make(KeyspaceCoverage.Unkeepable, $"{level} cannot be kept in {where}: one replica at a time")
            with
        { UnkeepableIn = unkeepable, Warning = KeyspaceWarning.Text(cluster, keyspace, replicas, level, perDc, unkeepable, dcOf) };
    }

    /// <summary>The DCs (per-DC levels) or "all DCs" where some range has no replica to spare at the level.</summary>
    private static ImmutableArray<string> UnkeepableScopes(KeyspaceReplicas keyspace, ConsistencyLevel? level, bool perDc, Dictionary<string, string> dcOf)
    {
        var scopes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var range in keyspace.Ranges)
        {
            if (!perDc)
            {
                if (range.Endpoints.Length > 0 && Need(level, range.Endpoints.Length) >= range.Endpoints.Length)
                {
                    scopes.Add("all DCs");
                }

                continue;
            }

            foreach (var dc in range.Endpoints.GroupBy(e => dcOf.GetValueOrDefault(e, "?"), StringComparer.Ordinal))
            {
                var count = dc.Count();
                if (Need(level, count) >= count)
                {
                    scopes.Add(dc.Key);
                }
            }
        }

        return [.. scopes];
    }

    /// <summary>"dc1 2, dc2 1" from the ranges' endpoints; a DC whose count varies between ranges shows "1-2"; a keyspace left out before discovery has none.</summary>
    internal static string ReplicasPerDc(KeyspaceReplicas keyspace, IReadOnlyDictionary<string, string> dcOf)
    {
        var counts = keyspace.Ranges.Select(r => r.Endpoints.GroupBy(e => dcOf.GetValueOrDefault(e, "?"), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal)).ToList();
        var dcs = counts.SelectMany(c => c.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (dcs.Count == 0)
        {
            return "replicas not read";
        }

        return string.Join(", ", dcs.Select(dc =>
        {
            var min = counts.Min(c => c.GetValueOrDefault(dc));
            var max = counts.Max(c => c.GetValueOrDefault(dc));
            return min == max ? $"{dc} {Num(max)}" : $"{dc} {Num(min)}-{Num(max)}";
        }));
    }

    private static string Num(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
