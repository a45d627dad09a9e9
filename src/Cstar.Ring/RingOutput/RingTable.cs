using System.Collections.Immutable;

namespace Cstar.Ring.RingOutput;

/// <summary>
/// The parsed 'nodetool ring': one token per row; the first line of each DC block repeats the DC's
/// last token (the wrap-around), kept in <see cref="WrapTokens"/>.
/// </summary>
public sealed record RingTable(
    ImmutableArray<string> Datacenters,
    ImmutableDictionary<string, string> WrapTokens,
    ImmutableArray<RingEntry> Entries)
{
    /// <summary>How many tokens each address owns, as listed.</summary>
    public ImmutableDictionary<string, int> TokenCounts() =>
        Entries.GroupBy(e => e.Address, StringComparer.Ordinal).ToImmutableDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
