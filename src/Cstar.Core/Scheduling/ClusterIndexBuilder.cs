using System.Collections.Immutable;
using Cstar.Core.Errors;
using Cstar.Core.Replication;
using Cstar.Core.Topology;

namespace Cstar.Core.Scheduling;

/// <summary>Builds a <see cref="ClusterIndex"/> from a cluster, its replica map and the policy.</summary>
internal sealed class ClusterIndexBuilder
{
    private readonly Dictionary<MemberSetKey, int> _constraints = [];
    private readonly List<int[]> _constraintMembers = [];
    private readonly List<int> _constraintNeed = [];
    private readonly List<ConstraintOrigin> _origins = [];
    private readonly Dictionary<MemberSetKey, int> _groups = [];
    private readonly List<int[]> _groupMembers = [];
    private readonly SortedSet<string> _warnings = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, SortedSet<string>> _rf2Dcs = new(StringComparer.Ordinal);
    private readonly SchedulingPolicy _policy;
    private readonly string[] _addresses;
    private readonly Dictionary<string, int> _indexOf;
    private readonly int[] _dcOf;
    private readonly string[] _dcNames;
    private readonly string[] _rackOf;
    private readonly List<int>[] _hostConstraints;
    private readonly List<int>[] _hostGroups;

    private ClusterIndexBuilder(ClusterTopology cluster, SchedulingPolicy policy)
    {
        _policy = policy;
        _addresses = cluster.Nodes.Select(n => n.Address).Distinct(StringComparer.Ordinal).Order(AddressComparer.Instance).ToArray();
        _indexOf = _addresses.Select((a, i) => (a, i)).ToDictionary(p => p.a, p => p.i, StringComparer.Ordinal);
        var byAddress = cluster.Nodes.GroupBy(n => n.Address, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _dcNames = cluster.Nodes.Select(n => n.Datacenter).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        _dcOf = _addresses.Select(a => Array.IndexOf(_dcNames, byAddress[a].Datacenter)).ToArray();
        _rackOf = _addresses.Select(a => byAddress[a].Rack).ToArray();
        _hostConstraints = _addresses.Select(_ => new List<int>()).ToArray();
        _hostGroups = _addresses.Select(_ => new List<int>()).ToArray();
    }

    public static ClusterIndex Build(ClusterTopology cluster, int clusterOrder, IEnumerable<(KeyspaceReplicas Keyspace, KeyspaceCoverage Coverage)> keyspaces, SchedulingPolicy policy)
    {
        var builder = new ClusterIndexBuilder(cluster, policy);
        var done = new List<(KeyspaceReplicas, KeyspaceCoverage)>();
        foreach (var keyspace in keyspaces)
        {
            // Keyspaces with the same replication settings have the same replicas per range: index them once.
            if (!done.Any(d => ReplicaLists.SameRequirements(d, keyspace)))
            {
                builder.Add(cluster.Name, keyspace.Keyspace, keyspace.Coverage);
                done.Add(keyspace);
            }
        }

        var order = policy.DcOrder.Where(d => builder._dcNames.Contains(d, StringComparer.Ordinal))
            .Concat(builder._dcNames.Where(d => !policy.DcOrder.Contains(d, StringComparer.Ordinal))).ToList();
        return new ClusterIndex
        {
            Name = cluster.Name,
            ClusterOrder = clusterOrder,
            Addresses = builder._addresses,
            IndexOf = builder._indexOf,
            DcOf = builder._dcOf,
            DcNames = builder._dcNames,
            DcRank = builder._dcNames.Select(d => order.IndexOf(d)).ToArray(),
            RackOf = builder._rackOf,
            ConstraintMembers = [.. builder._constraintMembers],
            ConstraintNeed = [.. builder._constraintNeed],
            ConstraintOrigins = [.. builder._origins],
            HostConstraints = builder._hostConstraints.Select(l => l.ToArray()).ToArray(),
            GroupMembers = [.. builder._groupMembers],
            HostGroups = builder._hostGroups.Select(l => l.ToArray()).ToArray(),
            Warnings = [.. builder._warnings.Concat(builder._rf2Dcs.Select(k => $"keyspace {k.Key} has only 2 replicas in {string.Join(", ", k.Value)}: keeping one live replica there, not LOCAL_QUORUM")).Order(StringComparer.Ordinal)],
        };
    }

    private void Add(string clusterName, KeyspaceReplicas keyspace, KeyspaceCoverage coverage)
    {
        var name = keyspace.Keyspace.Name;
        var guarded = coverage == KeyspaceCoverage.Covered;
        // Replicas per DC come from each range's endpoints and their nodes' DCs, whatever the class says: 2.x/3.x
        // report every class as Other. Only SimpleStrategy (known from the schema) ignores DCs.
        var perDcScope = keyspace.Keyspace.Class != ReplicationClass.Simple;
        foreach (var range in keyspace.Ranges)
        {
            var members = new int[range.Endpoints.Length];
            for (var i = 0; i < members.Length; i++)
            {
                if (!_indexOf.TryGetValue(range.Endpoints[i], out members[i]))
                {
                    throw new CstarException(
                        $"The replica map of keyspace {name} in cluster {clusterName} names {range.Endpoints[i]}, which is not in the ring.",
                        "Re-read the ring (nodetool status) and the replica map together; a node may have joined or been removed.");
                }
            }

            ReplicaLists.SortByDcThenIndex(members, _dcOf);
            var start = 0;
            while (start < members.Length)
            {
                var end = start;
                while (end < members.Length && _dcOf[members[end]] == _dcOf[members[start]])
                {
                    end++;
                }

                var dcMembers = members[start..end];
                AddGroup(dcMembers, name, range);
                if (guarded && perDcScope)
                {
                    AddPerDcConstraint(dcMembers, name, range);
                }

                start = end;
            }

            if (guarded && members.Length > 0 && (!perDcScope || _policy.ConsistencyLevel is ConsistencyLevel.Quorum or ConsistencyLevel.One))
            {
                var sorted = (int[])members.Clone();
                Array.Sort(sorted);
                AddGlobalConstraint(sorted, name, range);
            }

            if (coverage == KeyspaceCoverage.Unkeepable && members.Length > 1)
            {
                // cstar's rule for a keyspace whose level cannot be kept: no two of a range's replicas at once.
                var sorted = (int[])members.Clone();
                Array.Sort(sorted);
                AddConstraint(sorted, members.Length - 1, name, range, "all DCs", "one replica at a time (its level cannot be kept)");
            }
        }
    }

    private void AddGroup(int[] dcMembers, string keyspace, TokenRange range)
    {
        if (_policy.Strategy == SchedulingStrategy.Rack)
        {
            var racks = dcMembers.Select(m => _rackOf[m]).Distinct(StringComparer.Ordinal).Count();
            if (racks != dcMembers.Length)
            {
                throw new CstarException(
                    $"Strategy rack is unsafe: keyspace {keyspace} keeps {dcMembers.Length} replicas of range ({range.StartToken},{range.EndToken}] in only {racks} rack(s) of DC {_dcNames[_dcOf[dcMembers[0]]]} ({string.Join(", ", dcMembers.Select(m => _addresses[m]))}).",
                    "Use --strategy topology, or exclude that keyspace with --ignore-keyspace if it does not matter.");
            }
        }

        if (_policy.Strategy != SchedulingStrategy.Topology || dcMembers.Length < 2)
        {
            return;
        }

        var key = new MemberSetKey(dcMembers, 0);
        if (!_groups.ContainsKey(key))
        {
            _groups[key] = _groupMembers.Count;
            foreach (var m in dcMembers)
            {
                _hostGroups[m].Add(_groupMembers.Count);
            }

            _groupMembers.Add(dcMembers);
        }
    }

    private void AddPerDcConstraint(int[] dcMembers, string keyspace, TokenRange range)
    {
        var dc = "DC " + _dcNames[_dcOf[dcMembers[0]]];
        if (RequirementRules.PerDc(_policy.ConsistencyLevel, dcMembers.Length) is { } rule)
        {
            if (rule.Rf2Fallback)
            {
                // One warning per keyspace, naming each such DC once (not one per DC nor per range).
                if (!_rf2Dcs.TryGetValue(keyspace, out var dcs))
                {
                    _rf2Dcs[keyspace] = dcs = new SortedSet<string>(StringComparer.Ordinal);
                }

                dcs.Add(dc);
            }

            AddConstraint(dcMembers, rule.Need, keyspace, range, dc, rule.Level);
        }
    }

    private void AddGlobalConstraint(int[] members, string keyspace, TokenRange range)
    {
        var rule = RequirementRules.Global(_policy.ConsistencyLevel, members.Length);
        if (rule.Rf2Fallback)
        {
            _warnings.Add($"keyspace {keyspace} has only 2 replicas: keeping one live replica, not QUORUM");
        }

        AddConstraint(members, rule.Need, keyspace, range, "all DCs", rule.Level);
    }

    private void AddConstraint(int[] members, int need, string keyspace, TokenRange range, string scope, string level)
    {
        var key = new MemberSetKey(members, need);
        if (_constraints.ContainsKey(key))
        {
            return;
        }

        var id = _constraintNeed.Count;
        _constraints[key] = id;
        _constraintMembers.Add(members);
        _constraintNeed.Add(need);
        _origins.Add(new ConstraintOrigin(keyspace, range, scope, level));
        foreach (var m in members)
        {
            _hostConstraints[m].Add(id);
        }
    }
}
