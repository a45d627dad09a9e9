using Cstar.Core.Replication;

namespace Cstar.Simulator.Model;

/// <summary>
/// Everything derived from tokens and topology: the listing ring (normal and joining tokens, what status
/// and ring print), the placement ring (joining nodes excluded, as TokenMetadata's normal tokens) and the
/// per-keyspace placements and ownerships, computed on first use. Rebuilt when a node joins or leaves the
/// token metadata. Not thread-safe: used under the ring's lock.
/// </summary>
internal sealed class RingModel
{
    private readonly Dictionary<string, Placement> placements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, float[]> ownerships = new(StringComparer.Ordinal);
    private readonly bool legacyNts;
    private readonly int nodeCount;
    private float[]? tokenShares;

    public RingModel(IReadOnlyList<long[]> tokens, IReadOnlyList<string> datacenters, IReadOnlyList<string> racks, IReadOnlyList<bool> joining, bool legacyNts)
    {
        ArgumentNullException.ThrowIfNull(joining);
        nodeCount = tokens.Count;
        this.legacyNts = legacyNts;
        Topology = new Topology(datacenters, racks, n => !joining[n]);
        ListingRing = TokenRing.Build(tokens, _ => true);
        PlacementRing = TokenRing.Build(tokens, n => !joining[n]);
    }

    public Topology Topology { get; }

    public TokenRing ListingRing { get; }

    public TokenRing PlacementRing { get; }

    public Placement PlacementFor(KeyspaceDefinition keyspace)
    {
        ArgumentNullException.ThrowIfNull(keyspace);
        if (!placements.TryGetValue(keyspace.Name, out var placement))
        {
            placements[keyspace.Name] = placement = ReplicaCalculator.Compute(PlacementRing, Topology, keyspace, legacyNts);
        }

        return placement;
    }

    /// <summary>Effective ownership per node index; NaN for nodes outside the placement ring.</summary>
    public float[] OwnershipFor(KeyspaceDefinition keyspace)
    {
        ArgumentNullException.ThrowIfNull(keyspace);
        if (!ownerships.TryGetValue(keyspace.Name, out var owns))
        {
            tokenShares ??= Ownership.TokenShares(PlacementRing);
            ownerships[keyspace.Name] = owns = Ownership.Effective(PlacementFor(keyspace), tokenShares, nodeCount);
        }

        return owns;
    }
}
