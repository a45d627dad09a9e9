namespace Cstar.Simulator.Model;

/// <summary>
/// Sorted Murmur3 tokens and the node index owning each one. Range i is (token[i-1], token[i]], range 0
/// wraps around: (token[last], token[0]]. Immutable once built.
/// </summary>
internal sealed class TokenRing
{
    public TokenRing(long[] sortedTokens, int[] owners)
    {
        SortedTokens = sortedTokens;
        Owners = owners;
    }

    public long[] SortedTokens { get; }

    public int[] Owners { get; }

    public int Count => SortedTokens.Length;

    public static TokenRing Build(IReadOnlyList<IReadOnlyList<long>> tokensByNode, Func<int, bool> include)
    {
        ArgumentNullException.ThrowIfNull(tokensByNode);
        ArgumentNullException.ThrowIfNull(include);
        var pairs = new List<(long Token, int Owner)>();
        for (var node = 0; node < tokensByNode.Count; node++)
        {
            if (include(node))
            {
                foreach (var token in tokensByNode[node])
                {
                    pairs.Add((token, node));
                }
            }
        }

        pairs.Sort((a, b) => a.Token.CompareTo(b.Token));
        for (var i = 1; i < pairs.Count; i++)
        {
            if (pairs[i].Token == pairs[i - 1].Token)
            {
                throw new InvalidOperationException($"Token {pairs[i].Token} is owned by two nodes.");
            }
        }

        return new TokenRing([.. pairs.Select(p => p.Token)], [.. pairs.Select(p => p.Owner)]);
    }

    /// <summary>The start (exclusive) of range <paramref name="index"/>.</summary>
    public long RangeStart(int index) => SortedTokens[index == 0 ? Count - 1 : index - 1];
}
