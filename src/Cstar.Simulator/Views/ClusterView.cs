using System.Collections.Immutable;
using Cstar.Core.Replication;
using Cstar.Core.Topology;
using Cstar.Simulator.Java;
using Cstar.Simulator.Model;
using Cstar.Simulator.Spec;

namespace Cstar.Simulator.Views;

/// <summary>
/// The cluster as one node sees it at one instant: what every renderer reads. Also answers the questions
/// nodetool asks over JMX (effective ownership, live/unreachable members) in the order Java returns them.
/// </summary>
internal sealed class ClusterView
{
    public ClusterView(string clusterName, PeerView self, IReadOnlyList<PeerView> peers, RingModel model, ImmutableArray<KeyspaceDefinition> keyspaces)
    {
        ClusterName = clusterName;
        Self = self;
        Peers = peers;
        Model = model;
        Keyspaces = keyspaces;
    }

    public string ClusterName { get; }

    public PeerView Self { get; }

    /// <summary>Every node, by index.</summary>
    public IReadOnlyList<PeerView> Peers { get; }

    public RingModel Model { get; }

    public ImmutableArray<KeyspaceDefinition> Keyspaces { get; }

    public CassandraVersion Version => Self.Version;

    public bool WithPortHashes => Version.Family == NodetoolFamily.V40Plus;

    public KeyspaceDefinition? Keyspace(string name) => Keyspaces.FirstOrDefault(k => k.Name == name);

    /// <summary>The Java hash of an endpoint key: InetAddress (up to 3.11) or InetAddressAndPort (4.0+).</summary>
    public int EndpointHash(PeerView peer) =>
        WithPortHashes ? JavaAddress.InetAddressAndPortHash(peer.Ip) : JavaAddress.InetAddressHash(peer.Ip);

    /// <summary>StorageService.effectiveOwnership(keyspace), including its two failure branches.</summary>
    public OwnershipResult EffectiveOwnership(string? keyspaceName)
    {
        KeyspaceDefinition? keyspace;
        if (keyspaceName is not null)
        {
            keyspace = Keyspace(keyspaceName);
            if (keyspace is null)
            {
                return new OwnershipResult(null, false, null, $"The keyspace {keyspaceName}, does not exist");
            }

            if (keyspace.Class == ReplicationClass.Local)
            {
                return new OwnershipResult(null, false, "Ownership values for keyspaces with LocalStrategy are meaningless", null);
            }
        }
        else
        {
            var user = Keyspaces.Where(k => !RingSpec.SystemKeyspaceNames.Contains(k.Name)).ToList();
            if (user.Count > 0 && user.Any(k => !SameSettings(k, user[0])))
            {
                return new OwnershipResult(null, false, "Non-system keyspaces don't have the same replication settings, effective ownership information is meaningless", null);
            }

            keyspace = user.Count > 0 ? user[0] : Keyspace("system_traces");
            if (keyspace is null)
            {
                return new OwnershipResult(null, false, null, "The node does not have system_traces yet, probably still bootstrapping");
            }
        }

        return new OwnershipResult(Model.OwnershipFor(keyspace), true, null, null);
    }

    /// <summary>
    /// Nodes per DC (DCs sorted, as a TreeMap), each DC's nodes in the order of a HashMap keyed by endpoint
    /// and filled in token order, which is how status and describecluster iterate them. The key is the
    /// endpoint (InetAddress up to 3.11, InetAddressAndPort in 4.0+) unless <paramref name="keyHash"/> says
    /// otherwise (4.0+ status keys its map by the printed address string).
    /// </summary>
    public List<(string Datacenter, List<PeerView> Nodes)> NodesByDatacenter(Func<PeerView, int>? keyHash = null, int? initialCapacity = null)
    {
        var firstSeen = new List<PeerView>();
        var seen = new HashSet<int>();
        foreach (var owner in Model.ListingRing.Owners)
        {
            if (seen.Add(owner))
            {
                firstSeen.Add(Peers[owner]);
            }
        }

        // Guava 18 (up to 3.11) ArrayListMultimap starts at 16 buckets, Guava 27 (4.x) at 32.
        var capacity = initialCapacity ?? (WithPortHashes ? 32 : 16);
        return [.. firstSeen.GroupBy(p => p.Datacenter, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, JavaHashOrder.Order(g.ToList(), keyHash ?? EndpointHash, capacity)))];
    }

    /// <summary>Gossiper.getLiveMembers: a HashSet copied from the sorted live set, plus this node.</summary>
    public List<PeerView> LiveMembers()
    {
        var live = Peers.Where(p => p.Up || p.Index == Self.Index).OrderBy(p => p.Ip.GetAddressBytes(), ByteOrder.Instance).ToList();
        return JavaHashOrder.Order(live, EndpointHash, JavaHashOrder.CopyConstructorCapacity(live.Count));
    }

    /// <summary>Gossiper.getUnreachableMembers: the keys of a hash map of down endpoints.</summary>
    public List<PeerView> UnreachableMembers() =>
        JavaHashOrder.Order(Peers.Where(p => !p.Up && p.Index != Self.Index).ToList(), EndpointHash);

    public int CountInState(NodeState state) => Peers.Count(p => p.State == state);

    private static bool SameSettings(KeyspaceDefinition a, KeyspaceDefinition b) =>
        a.Class == b.Class && a.ReplicationFactors.Count == b.ReplicationFactors.Count
        && a.ReplicationFactors.All(kv => b.ReplicationFactors.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            return x.Length != y.Length ? x.Length.CompareTo(y.Length) : x.AsSpan().SequenceCompareTo(y);
        }
    }
}
