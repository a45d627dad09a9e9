using Cstar.Core.Replication;

namespace Cstar.Ring.Parsing;

/// <summary>
/// One distinct token of a cluster in a <see cref="ParsePool"/>: the one string instance of its text, a sequence
/// number (a reader marks the tokens it has seen in a bit set indexed by it, which finds a range printed twice), and
/// the ranges already made that end at it, one per distinct start and replica list. Keyspaces with the same
/// replication share those ranges, and a line that repeats one is recognised by comparing text, without a lookup.
/// </summary>
internal sealed class TokenSlot(string text, int id)
{
    private TokenRange? _range;
    private List<TokenRange>? _more;

    public string Text { get; } = text;

    public int Id { get; } = id;

    /// <summary>The range ending here whose start token and replica list print exactly as <paramref name="start"/> and <paramref name="endpoints"/>.</summary>
    public TokenRange? Match(ReadOnlySpan<char> start, ReadOnlySpan<char> endpoints)
    {
        if (_range is not null && Matches(_range, start, endpoints))
        {
            return _range;
        }

        if (_more is not null)
        {
            foreach (var range in _more)
            {
                if (Matches(range, start, endpoints))
                {
                    return range;
                }
            }
        }

        return null;
    }

    /// <summary>The one range ending here from this pooled start token and pooled replica list.</summary>
    public TokenRange Range(string start, string[] endpoints)
    {
        if (_range is not null && Same(_range, start, endpoints))
        {
            return _range;
        }

        if (_more is not null)
        {
            foreach (var range in _more)
            {
                if (Same(range, start, endpoints))
                {
                    return range;
                }
            }
        }

        var created = new TokenRange(start, Text, System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(endpoints));
        if (_range is null)
        {
            _range = created;
        }
        else
        {
            (_more ??= []).Add(created);
        }

        return created;
    }

    private static bool Same(TokenRange range, string start, string[] endpoints) =>
        ReferenceEquals(range.StartToken, start) && ReferenceEquals(System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(range.Endpoints), endpoints);

    private static bool Matches(TokenRange range, ReadOnlySpan<char> start, ReadOnlySpan<char> endpoints) =>
        start.SequenceEqual(range.StartToken) && PrintedText.IsList(endpoints, range.Endpoints.AsSpan());
}
