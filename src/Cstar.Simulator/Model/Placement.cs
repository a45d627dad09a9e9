namespace Cstar.Simulator.Model;

/// <summary>
/// The replicas of every range of one keyspace, in the order Cassandra lists them, stored flat
/// (one int array for all ranges) so that 1,000 nodes × 256 vnodes stay cheap.
/// </summary>
internal sealed class Placement
{
    private readonly int[] offsets;
    private readonly int[] endpoints;

    public Placement(TokenRing ring, int[] offsets, int[] endpoints)
    {
        Ring = ring;
        this.offsets = offsets;
        this.endpoints = endpoints;
    }

    public TokenRing Ring { get; }

    public ReadOnlySpan<int> Replicas(int rangeIndex) =>
        endpoints.AsSpan(offsets[rangeIndex], offsets[rangeIndex + 1] - offsets[rangeIndex]);
}
