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
        if (!policy.KeepConsistency)
        {
            return;
        }

        foreach (var ks in c.Map.Keyspaces)
        {
            var name = ks.Keyspace.Name;
            if (policy.IgnoreKeyspaces.Contains(name) || policy.AllowUnavailableKeyspaces.Contains(name))
            {
                continue;
            }

            var nts = ks.Keyspace.Class != ReplicationClass.Simple;
            foreach (var range in ks.Ranges)
            {
                var all = range.Endpoints.ToArray();
                var level = policy.ConsistencyLevel;
                var global = !nts || level is ConsistencyLevel.Quorum or ConsistencyLevel.One;
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
