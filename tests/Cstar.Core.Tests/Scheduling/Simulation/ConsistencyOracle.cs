using Cstar.Core.Replication;
using Cstar.Core.Scheduling;

namespace Cstar.Core.Tests.Scheduling.Simulation;

/// <summary>
/// Independent restatement of the consistency rule, straight from the replica map (no index, no dedupe):
/// for each kept keyspace and range, the groups of replicas that must keep a number of live members.
/// </summary>
internal sealed class ConsistencyOracle
{
    private readonly Dictionary<string, List<(string Keyspace, string[] Members, int Need)>> _byHost = [];

    public ConsistencyOracle(RandomCase c)
    {
        var dcOf = c.Topology.AllNodes.ToDictionary(n => n.Address, n => n.Datacenter);
        var policy = c.Policy;
        if (!policy.KeepConsistency || policy.Strategy == SchedulingStrategy.All)
        {
            return;
        }

        foreach (var ks in c.Map.Keyspaces)
        {
            var name = ks.Keyspace.Name;
            if (LeftOut(c, name) || policy.AllowUnavailableKeyspaces.Contains(name))
            {
                continue;
            }

            var nts = ks.Keyspace.Class != ReplicationClass.Simple;
            var level = policy.ConsistencyLevel;
            var global = !nts || level is ConsistencyLevel.Quorum or ConsistencyLevel.One;
            if (!policy.StrictConsistency && !Keepable(ks, global, level, dcOf))
            {
                // cstar's rule for a keyspace whose level cannot be kept: at most one replica of a range down.
                foreach (var range in ks.Ranges.Where(r => r.Endpoints.Length > 1))
                {
                    Add(name, [.. range.Endpoints], range.Endpoints.Length - 1);
                }

                continue;
            }

            foreach (var range in ks.Ranges)
            {
                var all = range.Endpoints.ToArray();
                if (global)
                {
                    var need = level switch
                    {
                        ConsistencyLevel.One or ConsistencyLevel.LocalOne => 1,
                        null => all.Length >= 3 ? (all.Length / 2) + 1 : 1,
                        _ => (all.Length / 2) + 1,
                    };
                    Add(name, all, need);
                    continue;
                }

                foreach (var dc in all.GroupBy(a => dcOf[a]))
                {
                    var members = dc.ToArray();
                    var need = level switch
                    {
                        ConsistencyLevel.LocalOne => 1,
                        null => members.Length >= 3 ? (members.Length / 2) + 1 : 1,
                        _ => (members.Length / 2) + 1,
                    };
                    Add(name, members, need);
                }
            }
        }
    }

    /// <summary>Neither consistency nor topology: ignored, outside --keyspace, or a system keyspace other than system_auth.</summary>
    public static bool LeftOut(RandomCase c, string keyspace) =>
        c.Policy.IgnoreKeyspaces.Contains(keyspace)
        || (!c.Policy.KeyspaceFilter.IsEmpty && !c.Policy.KeyspaceFilter.Contains(keyspace))
        || (c.Policy.KeyspaceFilter.IsEmpty && !c.Policy.IncludeSystemKeyspaces && keyspace.StartsWith("system_", StringComparison.Ordinal) && keyspace != "system_auth");

    /// <summary>Every scope of every range has a replica to spare at the level (automatic = a quorum).</summary>
    private static bool Keepable(KeyspaceReplicas ks, bool global, ConsistencyLevel? level, Dictionary<string, string> dcOf)
    {
        int Need(int m) => level is ConsistencyLevel.One or ConsistencyLevel.LocalOne ? 1 : (m / 2) + 1;
        return ks.Ranges.All(r => global
            ? Need(r.Endpoints.Length) < r.Endpoints.Length
            : r.Endpoints.GroupBy(e => dcOf[e]).All(g => Need(g.Count()) < g.Count()));
    }

    /// <summary>The first requirement that starting <paramref name="started"/> breaks, given the unavailable nodes after the start.</summary>
    public string? FindViolation(IEnumerable<string> started, IReadOnlySet<string> unavailableAfter)
    {
        foreach (var host in started)
        {
            if (!_byHost.TryGetValue(host, out var groups))
            {
                continue;
            }

            foreach (var (keyspace, members, need) in groups)
            {
                var live = members.Count(m => !unavailableAfter.Contains(m));
                if (live < need)
                {
                    return $"starting {host} leaves keyspace {keyspace} replicas [{string.Join(",", members)}] with {live} live, need {need}; unavailable: {string.Join(",", unavailableAfter)}";
                }
            }
        }

        return null;
    }

    public IEnumerable<(string[] Members, int Need)> Requirements =>
        _byHost.Values.SelectMany(l => l).Select(g => (g.Members, g.Need));

    private void Add(string keyspace, string[] members, int need)
    {
        foreach (var m in members)
        {
            if (!_byHost.TryGetValue(m, out var list))
            {
                _byHost[m] = list = [];
            }

            list.Add((keyspace, members, need));
        }
    }
}
