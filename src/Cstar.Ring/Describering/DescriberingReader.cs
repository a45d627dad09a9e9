using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Cstar.Core.Replication;
using Cstar.Ring.Parsing;

namespace Cstar.Ring.Describering;

/// <summary>
/// Reads 'nodetool describering' one line at a time, without allocating per line beyond the range
/// itself: tokens, addresses and replica lists come from a shared <see cref="ParsePool"/>. Lets a large
/// ring be parsed while it streams in. A line whose text repeats a range already parsed (another keyspace with
/// the same replication) takes that range after a text comparison, and endpoint_details that print exactly as
/// the known locations are not read again; any other text is read in full, so every check still applies.
/// </summary>
public sealed class DescriberingReader
{
    private const string Layout = "describering";
    private const string RangePrefix = "TokenRange(";
    private const string DetailsPrefix = "EndpointDetails(";
    private const string DetailsSeparator = "), EndpointDetails(";

    private readonly ParsePool _pool;
    private readonly string _command;
    private readonly ImmutableArray<TokenRange>.Builder _ranges;
    private readonly List<TokenSlot> _endSlots;
    private readonly List<TokenSlot>? _previousEndSlots;
    private ulong[] _endTokensSeen;
    private string[] _buffer = new string[16];
    private string? _schemaVersion;
    private bool _headerSeen;
    private int _lineNumber;
    private DescriberingOutput? _output;

    public DescriberingReader(ParsePool pool, string? keyspace = null)
    {
        _pool = pool ?? throw new ArgumentNullException(nameof(pool));
        _command = keyspace is null ? "describering" : "describering " + keyspace;
        _ranges = ImmutableArray.CreateBuilder<TokenRange>(pool.LastRangeCount);
        _endSlots = new List<TokenSlot>(pool.LastRangeCount);
        _previousEndSlots = pool.LastEndSlots;
        _endTokensSeen = new ulong[(pool.TokenCount / 64) + 1];
    }

    public void AddLine(ReadOnlySpan<char> line)
    {
        if (_output is not null)
        {
            throw new InvalidOperationException("This describering reader is complete; a new keyspace needs a new reader.");
        }

        _lineNumber++;
        if (!line.IsEmpty && line[^1] == '\r')
        {
            line = line[..^1];
        }

        var trimmed = line.Trim();
        if (trimmed.IsEmpty)
        {
            return;
        }

        if (trimmed.StartsWith(RangePrefix, StringComparison.Ordinal))
        {
            if (!_headerSeen)
            {
                throw Error(line, "a token range before the 'TokenRange:' line");
            }

            _ranges.Add(ParseRange(line, trimmed));
            return;
        }

        if (trimmed.StartsWith("Schema Version:", StringComparison.Ordinal))
        {
            var version = trimmed["Schema Version:".Length..].Trim();
            if (!SpanText.TryParseGuid(version, out _) || _schemaVersion is not null)
            {
                throw Error(line, "a schema version that is not a single UUID");
            }

            _schemaVersion = version.ToString();
            return;
        }

        if (trimmed.SequenceEqual("TokenRange:") && !_headerSeen)
        {
            _headerSeen = true;
            return;
        }

        if (trimmed.StartsWith("Error:", StringComparison.Ordinal) || trimmed.StartsWith("nodetool:", StringComparison.Ordinal))
        {
            throw ParseError.Output(_command, "nodetool reported: " + ParseError.Show(trimmed));
        }

        throw Error(line, "not a known header or token range");
    }

    /// <summary>The parsed output; the ranges are handed over, so the reader takes no more lines (a second call returns the same output).</summary>
    public DescriberingOutput Complete()
    {
        if (_output is not null)
        {
            return _output;
        }

        if (!_headerSeen)
        {
            throw ParseError.Output(_command, "no 'TokenRange:' line found (empty output?)");
        }

        // Endpoint lists are pooled, so each distinct list is visited once, and the walk stops as soon as
        // every located address of the pool has been seen.
        var locations = new Dictionary<string, EndpointLocation>(StringComparer.Ordinal);
        var seenSets = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var range in _ranges)
        {
            if (locations.Count == _pool.Locations.Count)
            {
                break;
            }

            if (!seenSets.Add(ImmutableCollectionsMarshal.AsArray(range.Endpoints)!))
            {
                continue;
            }

            foreach (var endpoint in range.Endpoints)
            {
                if (!locations.ContainsKey(endpoint) && _pool.Locations.TryGetValue(endpoint, out var location))
                {
                    locations[endpoint] = location;
                }
            }
        }

        _pool.LastRangeCount = _ranges.Count;
        _pool.LastEndSlots = _endSlots;
        var ranges = _ranges.Count == _ranges.Capacity ? _ranges.MoveToImmutable() : _ranges.ToImmutable();
        _output = new DescriberingOutput(_schemaVersion, ranges, locations.ToImmutableDictionary(StringComparer.Ordinal));
        return _output;
    }

    private TokenRange ParseRange(ReadOnlySpan<char> line, ReadOnlySpan<char> trimmed)
    {
        if (trimmed[^1] != ')')
        {
            throw Error(line, "a token range that does not end with ')'");
        }

        var rest = trimmed[RangePrefix.Length..^1];
        ReadOnlySpan<char> start = default;
        ReadOnlySpan<char> end = default;
        ReadOnlySpan<char> endpoints = default;
        ReadOnlySpan<char> details = default;
        var hasStart = false;
        var hasEnd = false;
        var hasEndpoints = false;
        while (!rest.IsEmpty)
        {
            var colon = rest.IndexOf(':');
            if (colon <= 0)
            {
                throw Error(line, "a field without 'name:'");
            }

            var name = rest[..colon];
            rest = rest[(colon + 1)..];
            ReadOnlySpan<char> value;
            if (!rest.IsEmpty && rest[0] == '[')
            {
                var close = FindClose(rest);
                if (close < 0)
                {
                    throw Error(line, "an unclosed '['");
                }

                value = rest[1..close];
                rest = rest[(close + 1)..];
            }
            else
            {
                var comma = rest.IndexOf(", ", StringComparison.Ordinal);
                value = comma < 0 ? rest : rest[..comma];
                rest = comma < 0 ? default : rest[comma..];
            }

            if (!rest.IsEmpty)
            {
                if (!rest.StartsWith(", ", StringComparison.Ordinal))
                {
                    throw Error(line, "fields not separated by ', '");
                }

                rest = rest[2..];
            }

            switch (name)
            {
                case "start_token" when !hasStart && SpanText.IsToken(value):
                    start = value;
                    hasStart = true;
                    break;
                case "end_token" when !hasEnd && SpanText.IsToken(value):
                    end = value;
                    hasEnd = true;
                    break;
                case "endpoints" when !hasEndpoints:
                    endpoints = value;
                    hasEndpoints = true;
                    break;
                case "rpc_endpoints":
                    break;
                case "endpoint_details":
                    details = value;
                    break;
                default:
                    throw Error(line, $"an unexpected or malformed field '{ParseError.Show(name)}'");
            }
        }

        if (!hasStart || !hasEnd || !hasEndpoints)
        {
            throw Error(line, "a token range without start_token, end_token and endpoints");
        }

        var slot = EndSlot(end);
        MarkEndToken(line, slot);

        // A range already made from the same text (another keyspace with this replication) is taken as is; any
        // other text is read in full: tokens pooled, every endpoint checked to be an address, the list pooled.
        var range = slot.Match(start, endpoints);
        if (range is null)
        {
            var count = ReadEndpoints(line, endpoints);
            var list = ImmutableCollectionsMarshal.AsArray(_pool.Endpoints(_buffer.AsSpan(0, count)))!;
            range = slot.Range(_pool.Token(start), list);
        }

        // Details equal to what the known locations print add nothing and conflict with nothing; any other
        // details are read in full, so a DC or rack that contradicts an earlier line is always refused.
        if (!details.IsEmpty && !_pool.IsKnownDetails(details, range.Endpoints.AsSpan()))
        {
            ReadDetails(line, details);
        }

        return range;
    }

    /// <summary>
    /// The pooled slot of this end token. Every keyspace of a ring prints its ranges in the same order, so the slot
    /// at this line's position in the previous keyspace is tried first (a text comparison, read in sequence) before
    /// the pool's lookup.
    /// </summary>
    private TokenSlot EndSlot(ReadOnlySpan<char> end)
    {
        var position = _endSlots.Count;
        var slot = _previousEndSlots is { } previous && position < previous.Count && end.SequenceEqual(previous[position].Text)
            ? previous[position]
            : _pool.Slot(end);
        _endSlots.Add(slot);
        return slot;
    }

    /// <summary>Pooled tokens have dense ids, so a bit per id finds a range printed twice.</summary>
    private void MarkEndToken(ReadOnlySpan<char> line, TokenSlot slot)
    {
        var word = slot.Id >> 6;
        if (word >= _endTokensSeen.Length)
        {
            Array.Resize(ref _endTokensSeen, Math.Max(word + 1, _endTokensSeen.Length * 2));
        }

        var bit = 1UL << (slot.Id & 63);
        if ((_endTokensSeen[word] & bit) != 0)
        {
            throw Error(line, $"a second range ending at token {slot.Text}");
        }

        _endTokensSeen[word] |= bit;
    }

    private int ReadEndpoints(ReadOnlySpan<char> line, ReadOnlySpan<char> list)
    {
        var count = 0;
        if (list.IsWhiteSpace())
        {
            return 0;
        }

        while (true)
        {
            var comma = list.IndexOf(',');
            var text = (comma < 0 ? list : list[..comma]).Trim();
            var address = _pool.Address(text) ?? throw Error(line, $"endpoint '{ParseError.Show(text)}' is not an address");
            if (count == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            _buffer[count++] = address;
            if (comma < 0)
            {
                return count;
            }

            list = list[(comma + 1)..];
        }
    }

    private void ReadDetails(ReadOnlySpan<char> line, ReadOnlySpan<char> details)
    {
        var rest = details;
        while (!rest.IsEmpty)
        {
            if (!rest.StartsWith(DetailsPrefix, StringComparison.Ordinal))
            {
                throw Error(line, "endpoint_details that are not EndpointDetails(...)");
            }

            var next = rest.IndexOf(DetailsSeparator, StringComparison.Ordinal);
            var stop = next < 0 ? rest.Length - 1 : next;
            if (stop < DetailsPrefix.Length || rest[stop] != ')')
            {
                throw Error(line, "an unclosed EndpointDetails(");
            }

            var item = rest[DetailsPrefix.Length..stop];
            rest = next < 0 ? default : rest[(next + 3)..];
            var dcAt = item.IndexOf(", datacenter:", StringComparison.Ordinal);
            var rackAt = item.IndexOf(", rack:", StringComparison.Ordinal);
            if (!item.StartsWith("host:", StringComparison.Ordinal) || dcAt < 0 || rackAt < dcAt)
            {
                throw Error(line, "EndpointDetails without host, datacenter and rack");
            }

            var address = _pool.Address(item[5..dcAt]) ?? throw Error(line, "EndpointDetails with a host that is not an address");
            var dc = item[(dcAt + ", datacenter:".Length)..rackAt];
            var rack = item[(rackAt + ", rack:".Length)..];
            if (!_pool.Locations.TryGetValue(address, out var known))
            {
                _pool.Locate(address, new EndpointLocation(dc.ToString(), rack.ToString()));
            }
            else if (!dc.SequenceEqual(known.Datacenter) || !rack.SequenceEqual(known.Rack))
            {
                throw Error(line, $"{address} placed in {dc}/{rack} here and in {known.Datacenter}/{known.Rack} before");
            }
        }
    }

    /// <summary>
    /// The ']' closing a list value. TokenRange lists never nest brackets (endpoint_details items use
    /// parentheses), so a vectorised search suffices; a '[' before the ']' means the line is not what we know.
    /// </summary>
    private static int FindClose(ReadOnlySpan<char> text)
    {
        var close = text.IndexOf(']');
        return close > 0 && text[1..close].IndexOf('[') < 0 ? close : -1;
    }

    private Core.Errors.CstarException Error(ReadOnlySpan<char> line, string problem) =>
        ParseError.Line(_command, Layout, _lineNumber, line, problem);
}
