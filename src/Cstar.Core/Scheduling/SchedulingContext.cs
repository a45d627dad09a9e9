using System.Collections.Immutable;
using Cstar.Core.Errors;
using Cstar.Core.Replication;
using Cstar.Core.Topology;

namespace Cstar.Core.Scheduling;

/// <summary>
/// The part of a schedule that does not change during a job: the topology, the policy and the per-cluster
/// replica index (host → the replica requirements it is part of). Built once; every decision reuses it.
/// Also knows the hosts that can never start (a keyspace with a single replica of their range).
/// </summary>
public sealed class SchedulingContext
{
    private readonly Dictionary<string, (ClusterIndex Cluster, int Node)> _locate;
    private readonly Dictionary<string, int> _rank;

    private SchedulingContext(RingTopology topology, SchedulingPolicy policy, ImmutableArray<ClusterIndex> clusters, ImmutableArray<KeyspaceTreatment> keyspaces)
    {
        Topology = topology;
        HostOrder = HostOrder.Of(topology);
        Policy = policy;
        Clusters = clusters;
        Keyspaces = keyspaces;
        _locate = new Dictionary<string, (ClusterIndex, int)>(StringComparer.Ordinal);
        foreach (var cluster in clusters)
        {
            for (var i = 0; i < cluster.Addresses.Length; i++)
            {
                _locate[cluster.Addresses[i]] = (cluster, i);
            }
        }

        _rank = clusters
            .SelectMany(c => c.Addresses.Select((a, i) => (Cluster: c, Node: i, Address: a)))
            .OrderBy(x => x.Cluster.ClusterOrder)
            .ThenBy(x => x.Cluster.DcRank[x.Cluster.DcOf[x.Node]])
            .ThenBy(x => x.Cluster.RackOf[x.Node], StringComparer.Ordinal)
            .ThenBy(x => x.Address, AddressComparer.Instance)
            .Select((x, i) => (x.Address, i))
            .ToDictionary(x => x.Address, x => x.i, StringComparer.Ordinal);
        Warnings = [.. keyspaces.Where(k => k.Warning is not null).Select(k => $"cluster {k.Cluster}: {k.Warning}"),
            .. clusters.SelectMany(c => c.Warnings.Select(w => $"cluster {c.Name}: {w}"))];
        StructurallyBlocked = clusters.SelectMany(FindStructuralBlocks).ToImmutableDictionary(b => b.Address, StringComparer.Ordinal);
    }

    public RingTopology Topology { get; }

    /// <summary>How this job lists hosts: cluster, DC, rack, address.</summary>
    public HostOrder HostOrder { get; }

    public SchedulingPolicy Policy { get; }

    /// <summary>Reported once per job: one per keyspace whose level cannot be kept (what becomes unavailable, and the fix).</summary>
    public ImmutableArray<string> Warnings { get; }

    /// <summary>Every replicated keyspace of every cluster: covered or not and why, with its replicas per DC.</summary>
    public ImmutableArray<KeyspaceTreatment> Keyspaces { get; }

    /// <summary>The keyspace policy as printed once per job and by --dry-run.</summary>
    public ImmutableArray<string> KeyspacePolicyLines => KeyspacePolicyText.Lines(Policy, Keyspaces);

    /// <summary>Hosts that cannot be taken down even with every other node up (e.g. the only replica of an RF 1 keyspace).</summary>
    public ImmutableDictionary<string, BlockedHost> StructurallyBlocked { get; }

    /// <summary>Distinct replica requirements over all clusters, after deduplication (for benchmarks and tests).</summary>
    public int RequirementCount => Clusters.Sum(c => c.ConstraintCount);

    internal ImmutableArray<ClusterIndex> Clusters { get; }

    /// <summary>Validates the policy against the replica maps and builds the index. Throws CstarException on user errors.</summary>
    public static SchedulingContext Create(RingTopology topology, IEnumerable<ReplicaMap> replicaMaps, SchedulingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(policy);
        var maps = replicaMaps.ToDictionary(m => m.ClusterName, StringComparer.Ordinal);
        var known = maps.Values.SelectMany(m => m.Keyspaces).Select(k => k.Keyspace.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = policy.KeyspaceFilter.Concat(policy.IgnoreKeyspaces).Concat(policy.AllowUnavailableKeyspaces)
            .Where(k => !known.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new CstarException(
                $"Unknown keyspace(s): {string.Join(", ", unknown)}.",
                "Check the names with nodetool describecluster or cqlsh DESCRIBE KEYSPACES; names are case-sensitive.");
        }

        var dcs = topology.AllNodes.Select(n => n.Datacenter).ToHashSet(StringComparer.Ordinal);
        var unknownDcs = policy.DcOrder.Where(d => !dcs.Contains(d)).ToList();
        if (unknownDcs.Count > 0)
        {
            throw new CstarException(
                $"--dc-order names unknown DC(s): {string.Join(", ", unknownDcs)}.",
                $"Known DCs: {string.Join(", ", dcs.Order(StringComparer.Ordinal))}.");
        }

        var needMap = policy.Strategy is not SchedulingStrategy.All && (policy.KeepConsistency || policy.Strategy is SchedulingStrategy.Topology or SchedulingStrategy.Rack);
        var clusters = ImmutableArray.CreateBuilder<ClusterIndex>();
        var treatments = ImmutableArray.CreateBuilder<KeyspaceTreatment>();
        for (var i = 0; i < topology.Clusters.Length; i++)
        {
            var cluster = topology.Clusters[i];
            if (!maps.TryGetValue(cluster.Name, out var map))
            {
                if (needMap)
                {
                    throw new CstarException(
                        $"No replica map for cluster {cluster.Name}: cannot keep consistency or apply strategy {policy.Strategy}.",
                        "Read the replica map (nodetool describering) before scheduling, or use --strategy one/all without consistency awareness.");
                }

                map = ReplicaMap.Empty(cluster.Name);
            }

            var treated = KeyspacePolicy.Classify(cluster, map.Keyspaces, policy);
            treatments.AddRange(treated);
            var coverage = treated.ToDictionary(t => t.Keyspace, t => t.Coverage, StringComparer.Ordinal);
            var selected = !needMap ? [] : map.Keyspaces
                .Where(k => coverage.TryGetValue(k.Keyspace.Name, out var c) && c != KeyspaceCoverage.LeftOut)
                .Select(k => (k, coverage[k.Keyspace.Name]));
            clusters.Add(ClusterIndexBuilder.Build(cluster, i, selected, policy));
        }

        return new SchedulingContext(topology, policy, clusters.ToImmutable(), treatments.ToImmutable());
    }

    /// <summary>The same context with other concurrency caps (<c>cstar set</c>); the replica index does not depend on them.</summary>
    public SchedulingContext WithConcurrency(int? maxConcurrency, int? maxConcurrencyPerDc) =>
        new(Topology, Policy with { MaxConcurrency = maxConcurrency, MaxConcurrencyPerDc = maxConcurrencyPerDc }, Clusters, Keyspaces);

    /// <summary>
    /// The host and every node that shares a replica requirement with it (its replicas in the keyspaces the job
    /// covers), in address order; only the host when the job has no replica map (strategy all or one without
    /// consistency awareness).
    /// </summary>
    public IReadOnlyList<string> HostAndReplicas(string address)
    {
        if (!TryLocate(address, out var cluster, out var node))
        {
            return [address];
        }

        return [.. cluster.HostConstraints[node].SelectMany(c => cluster.ConstraintMembers[c]).Append(node).Distinct()
            .Select(i => cluster.Addresses[i]).Order(AddressComparer.Instance)];
    }

    /// <summary>The order in which candidates are considered: cluster, DC order, rack, address.</summary>
    internal int RankOf(string address) => _rank.TryGetValue(address, out var rank) ? rank : int.MaxValue;

    internal bool TryLocate(string address, out ClusterIndex cluster, out int node)
    {
        if (_locate.TryGetValue(address, out var found))
        {
            (cluster, node) = found;
            return true;
        }

        cluster = null!;
        node = -1;
        return false;
    }

    private static IEnumerable<BlockedHost> FindStructuralBlocks(ClusterIndex cluster)
    {
        for (var node = 0; node < cluster.Addresses.Length; node++)
        {
            foreach (var c in cluster.HostConstraints[node])
            {
                if (cluster.ConstraintMembers[c].Length - 1 < cluster.ConstraintNeed[c])
                {
                    var origin = cluster.ConstraintOrigins[c];
                    yield return new BlockedHost(
                        cluster.Addresses[node],
                        WaveLimit.Consistency,
                        $"keyspace {origin.Keyspace} range {origin.RangeText} keeps {origin.Level} in {origin.Scope} and needs all {cluster.ConstraintMembers[c].Length} replica(s) live: this host cannot go down without making it unavailable (exclude it with --ignore-keyspace {origin.Keyspace} or accept with --allow-unavailable {origin.Keyspace})",
                        origin.Keyspace,
                        origin.RangeText,
                        [cluster.Addresses[node]]);
                    break;
                }
            }
        }
    }
}
