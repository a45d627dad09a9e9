using System.Collections.Immutable;
using Cstar.Core.Topology;
using Cstar.Ring.Parsing;

namespace Cstar.Ring.RingOutput;

/// <summary>
/// Parses 'nodetool ring' (2.x to 5.0; same layout throughout). Rows are read from the right (token, owns,
/// load, state, status) so that a rack with spaces stays whole; an unreadable row is an error.
/// </summary>
public static class RingParser
{
    private const string Command = "ring";
    private const string Layout = "ring";

    public static RingTable Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var datacenters = new List<string>();
        var wrapTokens = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var entries = new List<RingEntry>();
        string? dc = null;
        var headerSeen = false;
        var cursor = new LineCursor(text);
        while (cursor.MoveNext())
        {
            var line = cursor.Current;
            var number = cursor.Number;
            var trimmed = line.Trim();
            if (trimmed.IsEmpty || trimmed.IndexOfAnyExcept('=') < 0 || trimmed.StartsWith("Note:", StringComparison.Ordinal)
                || trimmed.SequenceEqual("Warning: \"nodetool ring\" is used to output all the tokens of a node.")
                || trimmed.SequenceEqual("To view status related info of a node use \"nodetool status\" instead."))
            {
                continue;
            }

            if (trimmed.StartsWith("Error:", StringComparison.Ordinal) || trimmed.StartsWith("nodetool:", StringComparison.Ordinal))
            {
                throw ParseError.Output(Command, "nodetool reported: " + ParseError.Show(trimmed));
            }

            if (trimmed.StartsWith("Datacenter:", StringComparison.Ordinal))
            {
                var name = trimmed["Datacenter:".Length..].Trim();
                if (name.IsEmpty || datacenters.Contains(name.ToString()))
                {
                    throw ParseError.Line(Command, Layout, number, line, "a Datacenter line without a name or with a repeated name");
                }

                dc = name.ToString();
                datacenters.Add(dc);
                headerSeen = false;
                continue;
            }

            if (trimmed.StartsWith("Address", StringComparison.Ordinal))
            {
                if (!IsHeader(trimmed))
                {
                    throw ParseError.Line(Command, Layout, number, line, "an unknown column header (expected Address Rack Status State Load Owns Token)");
                }

                headerSeen = true;
                continue;
            }

            if (dc is null || !headerSeen)
            {
                throw ParseError.Line(Command, Layout, number, line, "a row before the 'Datacenter:' line and column header");
            }

            if (char.IsWhiteSpace(line[0]) && trimmed.IndexOfAny(' ', '\t') < 0)
            {
                if (!SpanText.IsToken(trimmed) || wrapTokens.ContainsKey(dc))
                {
                    throw ParseError.Line(Command, Layout, number, line, "a lone value that is not the DC's wrap-around token");
                }

                wrapTokens[dc] = trimmed.ToString();
                continue;
            }

            entries.Add(ParseRow(dc, line, number));
        }

        if (datacenters.Count == 0)
        {
            throw ParseError.Output(Command, "no 'Datacenter:' block found (empty output?)");
        }

        return new RingTable([.. datacenters], wrapTokens.ToImmutable(), [.. entries]);
    }

    private static bool IsHeader(ReadOnlySpan<char> trimmed)
    {
        ReadOnlySpan<string> expected = ["Address", "Rack", "Status", "State", "Load", "Owns", "Token"];
        var rest = trimmed;
        foreach (var word in expected)
        {
            if (!SpanText.NextWord(ref rest).SequenceEqual(word))
            {
                return false;
            }
        }

        return rest.Trim().IsEmpty;
    }

    private static RingEntry ParseRow(string dc, ReadOnlySpan<char> line, int number)
    {
        var rest = line;
        var token = SpanText.LastWord(ref rest);
        if (!SpanText.IsToken(token))
        {
            throw ParseError.Line(Command, Layout, number, line, $"'{ParseError.Show(token)}' is not a token");
        }

        var ownsWord = SpanText.LastWord(ref rest);
        double? owns = null;
        if (!ownsWord.SequenceEqual("?"))
        {
            if (!SpanText.TryParsePercent(ownsWord, out var percent))
            {
                throw ParseError.Line(Command, Layout, number, line, $"Owns '{ParseError.Show(ownsWord)}' is neither '?' nor a percentage");
            }

            owns = percent;
        }

        string? load = null;
        var loadWord = SpanText.LastWord(ref rest);
        if (!loadWord.SequenceEqual("?"))
        {
            var amount = SpanText.LastWord(ref rest);
            if (!SpanText.IsLoadUnit(loadWord) || !SpanText.TryParseDecimal(amount, out _))
            {
                throw ParseError.Line(Command, Layout, number, line, "the load is neither '?' nor a size such as '101.8 KiB'");
            }

            load = string.Concat(amount, " ", loadWord);
        }

        var stateWord = SpanText.LastWord(ref rest);
        NodeState? state = stateWord switch
        {
            "Normal" => NodeState.Normal,
            "Joining" => NodeState.Joining,
            "Leaving" => NodeState.Leaving,
            "Moving" => NodeState.Moving,
            "?" => null,
            _ => throw ParseError.Line(Command, Layout, number, line, $"unknown state '{ParseError.Show(stateWord)}'"),
        };
        var statusWord = SpanText.LastWord(ref rest);
        NodeStatus? status = statusWord switch
        {
            "Up" => NodeStatus.Up,
            "Down" => NodeStatus.Down,
            "?" => null,
            _ => throw ParseError.Line(Command, Layout, number, line, $"unknown status '{ParseError.Show(statusWord)}'"),
        };
        var addressWord = SpanText.NextWord(ref rest);
        if (!NodeAddress.TryParse(addressWord, out var address, out var port))
        {
            throw ParseError.Line(Command, Layout, number, line, $"'{ParseError.Show(addressWord)}' is not an address");
        }

        var rack = rest.Trim();
        if (rack.IsEmpty)
        {
            throw ParseError.Line(Command, Layout, number, line, "the rack is missing");
        }

        return new RingEntry(dc, address, port, rack.ToString(), status, state, load, owns, token.ToString(), number);
    }
}
