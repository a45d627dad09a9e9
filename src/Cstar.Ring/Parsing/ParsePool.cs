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
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _addresses = new(StringComparer.Ordinal);
    private readonly HashSet<string[]> _endpointSets = new(EndpointSetComparer.Instance);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _tokenLookup;
    private readonly Dictionary<string, string?>.AlternateLookup<ReadOnlySpan<char>> _addressLookup;
    private readonly HashSet<string[]>.AlternateLookup<ReadOnlySpan<string>> _endpointLookup;

    /// <summary>DC and rack of each address, from describering's endpoint_details.</summary>
    internal Dictionary<string, Describering.EndpointLocation> Locations { get; } = new(StringComparer.Ordinal);

    /// <summary>Endpoint lists whose details were already read (by reference): details are parsed once per list.</summary>
    internal HashSet<string[]> LocatedSets { get; } = new(ReferenceEqualityComparer.Instance);

    private readonly Dictionary<RangeKey, Core.Replication.TokenRange> _ranges = new();

    /// <summary>How many ranges the last describering had: the next keyspace of the same ring has as many, so lists start at that size.</summary>
    internal int LastRangeCount { get; set; }

    public ParsePool()
    {
        _tokenLookup = _tokens.GetAlternateLookup<ReadOnlySpan<char>>();
        _addressLookup = _addresses.GetAlternateLookup<ReadOnlySpan<char>>();
        _endpointLookup = _endpointSets.GetAlternateLookup<ReadOnlySpan<string>>();
    }

    /// <summary>The one string instance for this token text.</summary>
    public string Token(ReadOnlySpan<char> text)
    {
        if (_tokenLookup.TryGetValue(text, out var existing))
        {
            return existing;
        }

        var created = text.ToString();
        _tokens.Add(created, created);
        return created;
    }

    /// <summary>The normalised address for this printed text, or null when it is not an address.</summary>
    public string? Address(ReadOnlySpan<char> text)
    {
        if (_addressLookup.TryGetValue(text, out var existing))
        {
            return existing;
        }

        var normalized = NodeAddress.TryParse(text, out var address, out _) ? address : null;
        _addresses.Add(text.ToString(), normalized);
        return normalized;
    }

    /// <summary>The one immutable array for this ordered list of (pooled) addresses.</summary>
    public ImmutableArray<string> Endpoints(ReadOnlySpan<string> endpoints)
    {
        if (_endpointLookup.TryGetValue(endpoints, out var existing))
        {
            return ImmutableCollectionsMarshal.AsImmutableArray(existing);
        }

        var created = endpoints.ToArray();
        _endpointSets.Add(created);
        return ImmutableCollectionsMarshal.AsImmutableArray(created);
    }

    /// <summary>
    /// The one <see cref="Core.Replication.TokenRange"/> for these pooled tokens and replica list: keyspaces with
    /// the same replication share their ranges (records are immutable), which halves a large ring's memory.
    /// </summary>
    public Core.Replication.TokenRange Range(string start, string end, ImmutableArray<string> endpoints)
    {
        var key = new RangeKey(start, end, ImmutableCollectionsMarshal.AsArray(endpoints)!);
        if (!_ranges.TryGetValue(key, out var range))
        {
            range = new Core.Replication.TokenRange(start, end, endpoints);
            _ranges.Add(key, range);
        }

        return range;
    }

    /// <summary>Pooled parts compare by reference: equal text is the same instance.</summary>
    private readonly record struct RangeKey(string Start, string End, string[] Endpoints)
    {
        public bool Equals(RangeKey other) =>
            ReferenceEquals(Start, other.Start) && ReferenceEquals(End, other.End) && ReferenceEquals(Endpoints, other.Endpoints);

        public override int GetHashCode() =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(Start), RuntimeHelpers.GetHashCode(End), RuntimeHelpers.GetHashCode(Endpoints));
    }

    /// <summary>Compares endpoint lists element by element; pooled strings make reference checks the fast path.</summary>
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
                if (!string.Equals(alternate[i], other[i], StringComparison.Ordinal))
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
                hash.Add(s, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }

        public string[] Create(ReadOnlySpan<string> alternate) => alternate.ToArray();
    }
}
