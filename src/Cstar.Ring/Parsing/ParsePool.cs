using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Cstar.Ring.Parsing;

/// <summary>
/// Shares strings and endpoint lists between the ranges of one cluster: the same token, address and
/// replica set appear once per keyspace, so a 1,000-node ring stays in memory once, not five times.
/// Not thread-safe: one pool per discovery of one cluster.
/// </summary>
public sealed class ParsePool
{
    private readonly Dictionary<string, TokenSlot> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _addresses = new(StringComparer.Ordinal);
    private readonly HashSet<string[]> _endpointSets = new(EndpointSetComparer.Instance);
    private readonly Dictionary<string, string> _printedDetails = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TokenSlot>.AlternateLookup<ReadOnlySpan<char>> _tokenLookup;
    private readonly Dictionary<string, string?>.AlternateLookup<ReadOnlySpan<char>> _addressLookup;
    private readonly HashSet<string[]>.AlternateLookup<ReadOnlySpan<string>> _endpointLookup;

    public ParsePool()
    {
        _tokenLookup = _tokens.GetAlternateLookup<ReadOnlySpan<char>>();
        _addressLookup = _addresses.GetAlternateLookup<ReadOnlySpan<char>>();
        _endpointLookup = _endpointSets.GetAlternateLookup<ReadOnlySpan<string>>();
    }

    /// <summary>DC and rack of each address, from describering's endpoint_details.</summary>
    internal Dictionary<string, Describering.EndpointLocation> Locations { get; } = new(StringComparer.Ordinal);

    /// <summary>How many ranges the last describering had: the next keyspace of the same ring has as many, so lists start at that size.</summary>
    internal int LastRangeCount { get; set; }

    /// <summary>The end token of each range of the last describering, in the order printed: the next keyspace prints the same ring in the same order.</summary>
    internal List<TokenSlot>? LastEndSlots { get; set; }

    /// <summary>How many distinct tokens the pool holds: every token slot's id is below it.</summary>
    internal int TokenCount => _tokens.Count;

    /// <summary>The one string instance for this token text.</summary>
    public string Token(ReadOnlySpan<char> text) => Slot(text).Text;

    /// <summary>
    /// The one slot for this token text: its pooled string, its id, and the ranges ending at it (keyspaces with the
    /// same replication share their ranges, records being immutable, which halves a large ring's memory).
    /// </summary>
    internal TokenSlot Slot(ReadOnlySpan<char> text)
    {
        if (_tokenLookup.TryGetValue(text, out var existing))
        {
            return existing;
        }

        var created = new TokenSlot(text.ToString(), _tokens.Count);
        _tokens.Add(created.Text, created);
        return created;
    }

    /// <summary>
    /// The normalised address for this printed text, or null when it is not an address. Texts that normalise alike
    /// ("/10.0.0.1", "10.0.0.1:7000", "10.0.0.1") give the one string instance, so lists of them compare by reference.
    /// </summary>
    public string? Address(ReadOnlySpan<char> text)
    {
        if (_addressLookup.TryGetValue(text, out var existing))
        {
            return existing;
        }

        var normalized = NodeAddress.TryParse(text, out var address, out _) ? address : null;
        if (normalized is not null && !text.SequenceEqual(normalized))
        {
            // A normalised address normalises to itself, so it is its own key.
            if (_addressLookup.TryGetValue(normalized, out var known) && known is not null)
            {
                normalized = known;
            }
            else
            {
                _addresses.Add(normalized, normalized);
            }
        }

        _addresses.Add(text.ToString(), normalized);
        return normalized;
    }

    /// <summary>The one immutable array for this ordered list of addresses from <see cref="Address"/> (compared by reference).</summary>
    internal ImmutableArray<string> Endpoints(ReadOnlySpan<string> endpoints)
    {
        if (_endpointLookup.TryGetValue(endpoints, out var existing))
        {
            return ImmutableCollectionsMarshal.AsImmutableArray(existing);
        }

        var created = endpoints.ToArray();
        _endpointSets.Add(created);
        return ImmutableCollectionsMarshal.AsImmutableArray(created);
    }

    /// <summary>Records where endpoint_details placed an address, and how that detail prints (for <see cref="IsKnownDetails"/>).</summary>
    internal void Locate(string address, Describering.EndpointLocation location)
    {
        Locations.Add(address, location);
        _printedDetails.Add(address, $"EndpointDetails(host:{address}, datacenter:{location.Datacenter}, rack:{location.Rack})");
    }

    /// <summary>
    /// True when an endpoint_details text is exactly what the known locations of <paramref name="endpoints"/> print as,
    /// in their order: reading it again would find nothing new and no conflict.
    /// </summary>
    internal bool IsKnownDetails(ReadOnlySpan<char> details, ReadOnlySpan<string> endpoints) =>
        PrintedText.IsList(details, endpoints, _printedDetails);

    /// <summary>
    /// Compares lists of pooled addresses element by element by reference (one instance per address, see
    /// <see cref="Address"/>): no string is hashed or compared char by char, which matters for a ring of 256,000 lists.
    /// </summary>
    private sealed class EndpointSetComparer : IEqualityComparer<string[]>, IAlternateEqualityComparer<ReadOnlySpan<string>, string[]>
    {
        public static EndpointSetComparer Instance { get; } = new();

        public bool Equals(string[]? x, string[]? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && Equals(x.AsSpan(), y));

        public int GetHashCode(string[] obj) => GetHashCode(obj.AsSpan());

        public bool Equals(ReadOnlySpan<string> alternate, string[] other)
        {
            if (alternate.Length != other.Length)
            {
                return false;
            }

            for (var i = 0; i < alternate.Length; i++)
            {
                if (!ReferenceEquals(alternate[i], other[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(ReadOnlySpan<string> alternate)
        {
            var hash = default(HashCode);
            foreach (var s in alternate)
            {
                hash.Add(RuntimeHelpers.GetHashCode(s));
            }

            return hash.ToHashCode();
        }

        public string[] Create(ReadOnlySpan<string> alternate) => alternate.ToArray();
    }
}
