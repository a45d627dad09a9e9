namespace Cstar.Simulator.Model;

/// <summary>
/// Effective ownership as StorageService.effectiveOwnership computes it: the share of the ring each token
/// owns (Murmur3Partitioner.describeOwnership: a BigDecimal rounded to 6 places, then a float), summed as
/// floats over every range the node replicates.
/// </summary>
internal static class Ownership
{
    private static readonly decimal RingSize = 18446744073709551614m; // Long.MAX_VALUE - (Long.MIN_VALUE + 1)

    /// <summary>The share of range i, i.e. of the token that ends it.</summary>
    public static float[] TokenShares(TokenRing ring)
    {
        ArgumentNullException.ThrowIfNull(ring);
        var shares = new float[ring.Count];
        if (ring.Count == 1)
        {
            shares[0] = 1f;
            return shares;
        }

        for (var i = 0; i < ring.Count; i++)
        {
            var diff = (decimal)ring.SortedTokens[i] - ring.RangeStart(i) + RingSize;
            diff %= RingSize;
            shares[i] = (float)Math.Round(diff / RingSize, 6, MidpointRounding.ToEven);
        }

        return shares;
    }

    /// <summary>Effective ownership per node index (NaN for nodes outside the placement ring).</summary>
    public static float[] Effective(Placement placement, float[] tokenShares, int nodeCount)
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(tokenShares);
        var owns = new float[nodeCount];
        Array.Fill(owns, float.NaN);
        foreach (var owner in placement.Ring.Owners)
        {
            owns[owner] = 0f;
        }

        for (var i = 0; i < placement.Ring.Count; i++)
        {
            foreach (var ep in placement.Replicas(i))
            {
                owns[ep] += tokenShares[i];
            }
        }

        return owns;
    }
}
