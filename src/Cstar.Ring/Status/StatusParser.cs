using System.Collections.Immutable;
using Cstar.Core.Topology;
using Cstar.Ring.Parsing;

namespace Cstar.Ring.Status;

/// <summary>
/// Parses 'nodetool status' of Cassandra 2.1 to 5.0. Rows are read word by word, not by column offsets,
/// so a rack with spaces or dots, an IPv6 or ip:port address, a '?' load or Owns all parse; a row that
/// still cannot be read is an error naming the line, never a dropped node.
/// </summary>
public static class StatusParser
{
    private const string Command = "status";

    public static StatusOutput Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var state = new ParseState();
        var cursor = new LineCursor(text);
        while (cursor.MoveNext())
        {
            ParseLine(cursor.Current, cursor.Number, state);
        }

        if (state.Datacenters.Count == 0)
        {
            throw ParseError.Output(Command, "no 'Datacenter:' block found (empty output?)");
        }

        var layout = state.Layout;
        if (layout == StatusLayout.V21 && state.Evidence40)
        {
            layout = StatusLayout.V40Plus;
        }

        return new StatusOutput(layout, [.. state.Datacenters], [.. state.Entries], [.. state.Notes]);
    }

    private static void ParseLine(ReadOnlySpan<char> line, int number, ParseState state)
    {
        var trimmed = line.Trim();
        if (trimmed.IsEmpty)
        {
            if (state.Entries.Count > 0)
            {
                state.SawBlankAfterRows = true;
            }

            return;
        }

        if (trimmed.StartsWith("Datacenter:", StringComparison.Ordinal))
        {
            var name = trimmed["Datacenter:".Length..].Trim();
            if (name.IsEmpty)
            {
                throw ParseError.Line(Command, state.LayoutName, number, line, "a Datacenter line without a name");
            }

            if (state.SawBlankAfterRows)
            {
                state.Evidence40 = true;
            }

            var dc = name.ToString();
            if (state.Datacenters.Contains(dc))
            {
                throw ParseError.Line(Command, state.LayoutName, number, line, $"datacenter '{dc}' is listed twice");
            }

            state.Datacenters.Add(dc);
            state.CurrentDatacenter = dc;
            state.HeaderSeen = false;
            return;
        }

        if (IsUnderline(trimmed) || trimmed.SequenceEqual("Status=Up/Down") || trimmed.SequenceEqual("|/ State=Normal/Leaving/Joining/Moving"))
        {
            return;
        }

        if (trimmed.StartsWith("Note:", StringComparison.Ordinal))
        {
            state.Notes.Add(trimmed.ToString());
            return;
        }

        if (trimmed.StartsWith("Error:", StringComparison.Ordinal) || trimmed.StartsWith("nodetool:", StringComparison.Ordinal))
        {
            throw ParseError.Output(Command, "nodetool reported: " + ParseError.Show(trimmed));
        }

        if (trimmed.StartsWith("--", StringComparison.Ordinal))
        {
            ParseHeader(line, number, state);
            return;
        }

        if (!LooksLikeRow(trimmed))
        {
            throw ParseError.Line(Command, state.LayoutName, number, line, "not a known header, legend or node row");
        }

        if (state.CurrentDatacenter is null || !state.HeaderSeen)
        {
            throw ParseError.Line(Command, state.LayoutName, number, line, "a node row before the 'Datacenter:' line and column header");
        }

        var entry = ParseRow(line, number, state);
        if (!state.Addresses.Add(entry.Address))
        {
            throw ParseError.Line(Command, state.LayoutName, number, line, $"node {entry.Address} is listed twice");
        }

        state.Entries.Add(entry);
    }

    private static bool IsUnderline(ReadOnlySpan<char> trimmed) => trimmed.IndexOfAnyExcept('=') < 0;

    /// <summary>A line that starts like a row ("UN ", "DN ", "?N "...) is reported as an unreadable row, not an unknown line.</summary>
    private static bool LooksLikeRow(ReadOnlySpan<char> trimmed) =>
        trimmed.Length >= 3 && trimmed[0] is 'U' or 'D' or '?' && char.IsAsciiLetterUpper(trimmed[1]) | trimmed[1] == '?' && char.IsWhiteSpace(trimmed[2]);

    private static void ParseHeader(ReadOnlySpan<char> line, int number, ParseState state)
    {
        var rest = line.Trim()[2..];
        Span<char> words = stackalloc char[Math.Min(rest.Length, 256)];
        var length = 0;
        var remaining = rest;
        while (true)
        {
            var word = SpanText.NextWord(ref remaining);
            if (word.IsEmpty)
            {
                break;
            }

            if (length + word.Length + 1 > words.Length)
            {
                throw ParseError.Line(Command, state.LayoutName, number, line, "an unknown column header");
            }

            if (length > 0)
            {
                words[length++] = ' ';
            }

            word.CopyTo(words[length..]);
            length += word.Length;
        }

        var columns = words[..length];
        var singleToken = columns switch
        {
            "Address Load Tokens Owns (effective) Host ID Rack" or "Address Load Tokens Owns Host ID Rack" => false,
            "Address Load Owns (effective) Host ID Token Rack" or "Address Load Owns Host ID Token Rack" => true,
            _ => throw ParseError.Line(Command, state.LayoutName, number, line, "an unknown column header (expected Address, Load, Tokens, Owns, Host ID, Rack)"),
        };

        var layout = singleToken ? StatusLayout.SingleToken : DetectLayout(line);
        if (state.Layout != StatusLayout.Unknown && state.Layout != layout && !(state.Layout is StatusLayout.V21 or StatusLayout.V40Plus && layout is StatusLayout.V21 or StatusLayout.V40Plus))
        {
            throw ParseError.Line(Command, state.LayoutName, number, line, "a column header of another layout than the first one");
        }

        if (layout == StatusLayout.V40Plus)
        {
            state.Evidence40 = true;
        }

        state.Layout = state.Layout == StatusLayout.V40Plus ? StatusLayout.V40Plus : layout;
        state.HostIdColumn = line.IndexOf("Host ID", StringComparison.Ordinal);
        state.HeaderSeen = true;
    }

    private static StatusLayout DetectLayout(ReadOnlySpan<char> header)
    {
        var tokens = header.IndexOf("Tokens", StringComparison.Ordinal);
        var after = header[(tokens + "Tokens".Length)..];
        if (after.Length > 3 && after[..3].IndexOfAnyExcept(' ') < 0)
        {
            return StatusLayout.V22To311;
        }

        // 4.0's TableBuilder pads the last column too, which leaves a trailing space after "Rack" on short racks.
        return char.IsWhiteSpace(header[^1]) ? StatusLayout.V40Plus : StatusLayout.V21;
    }

    private static StatusEntry ParseRow(ReadOnlySpan<char> line, int number, ParseState state)
    {
        var rest = line;
        var code = SpanText.NextWord(ref rest);
        NodeStatus? status = code[0] switch
        {
            'U' => NodeStatus.Up,
            'D' => NodeStatus.Down,
            _ => null,
        };
        if (code.Length != 2 || (code[0] != '?' && status is null) || !TryState(code[1], out var nodeState))
        {
            throw ParseError.Line(Command, state.LayoutName, number, line, $"unknown state '{ParseError.Show(code)}' (expected UN, UJ, UL, UM, DN, DJ, DL or DM)");
        }

        var addressWord = SpanText.NextWord(ref rest);
        if (!NodeAddress.TryParse(addressWord, out var address, out var port))
        {
            throw ParseError.Line(Command, state.LayoutName, number, line, $"'{ParseError.Show(addressWord)}' is not an address");
        }

        string? load = null;
        double? loadBytes = null;
        var loadWord = SpanText.NextWord(ref rest);
        if (!loadWord.SequenceEqual("?"))
        {
            var unit = SpanText.NextWord(ref rest);
            if (!SpanText.TryParseDecimal(loadWord, out var loadNumber) || !SpanText.IsLoadUnit(unit))
            {
                throw ParseError.Line(Command, state.LayoutName, number, line, "the load is neither '?' nor a size such as '101.8 KiB'");
            }

            if (unit.EndsWith("iB", StringComparison.Ordinal))
            {
                state.Evidence40 = true;
            }

            load = string.Concat(loadWord, " ", unit);
            loadBytes = SpanText.LoadBytes(loadNumber, unit);
        }

        int? tokens = null;
        if (state.Layout != StatusLayout.SingleToken)
        {
            var tokensWord = SpanText.NextWord(ref rest);
            if (!SpanText.TryParseInt(tokensWord, out var tokenCount))
            {
                throw ParseError.Line(Command, state.LayoutName, number, line, $"the token count '{ParseError.Show(tokensWord)}' is not a number");
            }

            tokens = tokenCount;
        }

        double? owns = null;
        var ownsWord = SpanText.NextWord(ref rest);
        if (!ownsWord.SequenceEqual("?"))
        {
            if (!SpanText.TryParsePercent(ownsWord, out var percent))
            {
                throw ParseError.Line(Command, state.LayoutName, number, line, $"Owns '{ParseError.Show(ownsWord)}' is neither '?' nor a percentage");
            }

            owns = percent;
        }

        Guid? hostId = null;
        var beforeHostId = rest;
        var hostIdWord = SpanText.NextWord(ref rest);
        if (SpanText.TryParseGuid(hostIdWord, out var parsedHostId))
        {
            hostId = parsedHostId;
        }
        else if (state.HostIdColumn >= 0 && state.HostIdColumn < line.Length && char.IsWhiteSpace(line[state.HostIdColumn]) && hostIdWord.Length != 36)
        {
            // The Host ID column is blank (4.0 prints no id for an endpoint it cannot map, e.g. with -r).
            rest = beforeHostId;
        }
        else
        {
            throw ParseError.Line(Command, state.LayoutName, number, line, $"'{ParseError.Show(hostIdWord)}' is not a host id");
        }

        string? token = null;
        if (state.Layout == StatusLayout.SingleToken)
        {
            var tokenWord = SpanText.NextWord(ref rest);
            if (!SpanText.IsToken(tokenWord))
            {
                throw ParseError.Line(Command, state.LayoutName, number, line, $"'{ParseError.Show(tokenWord)}' is not a token");
            }

            token = tokenWord.ToString();
        }

        var rack = rest.Trim();
        if (rack.IsEmpty)
        {
            throw ParseError.Line(Command, state.LayoutName, number, line, "the rack is missing");
        }

        return new StatusEntry(state.CurrentDatacenter!, address, port, status, nodeState, load, loadBytes, tokens, owns, hostId, rack.ToString(), token, number);
    }

    private static bool TryState(char c, out NodeState state)
    {
        state = c switch
        {
            'N' => NodeState.Normal,
            'J' => NodeState.Joining,
            'L' => NodeState.Leaving,
            'M' => NodeState.Moving,
            _ => (NodeState)(-1),
        };
        return (int)state >= 0;
    }

    private sealed class ParseState
    {
        public List<string> Datacenters { get; } = [];

        public List<StatusEntry> Entries { get; } = [];

        public List<string> Notes { get; } = [];

        public HashSet<string> Addresses { get; } = new(StringComparer.Ordinal);

        public string? CurrentDatacenter { get; set; }

        public bool HeaderSeen { get; set; }

        public int HostIdColumn { get; set; } = -1;

        public StatusLayout Layout { get; set; } = StatusLayout.Unknown;

        public bool Evidence40 { get; set; }

        public bool SawBlankAfterRows { get; set; }

        public string LayoutName => Layout switch
        {
            StatusLayout.V21 when Evidence40 => "4.0+",
            StatusLayout.V21 => "2.1 or 4.0+",
            StatusLayout.V22To311 => "2.2-3.11",
            StatusLayout.V40Plus => "4.0+",
            StatusLayout.SingleToken => "single-token",
            _ => "unknown",
        };
    }
}
