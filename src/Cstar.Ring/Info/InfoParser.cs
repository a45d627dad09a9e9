using System.Collections.Immutable;
using System.Globalization;
using Cstar.Ring.Parsing;

namespace Cstar.Ring.Info;

/// <summary>Parses 'nodetool info' (2.x to 5.0): "Key : value" lines with keys from a known list.</summary>
public static class InfoParser
{
    private const string Command = "info";
    private const string Layout = "key : value";
    private const string TokenHintPrefix = "(invoke with -T/--tokens to see all ";

    private static readonly FrozenKeys Known = new(
    [
        "ID", "Gossip active", "Thrift active", "Native Transport active", "Load", "Uncompressed load", "Generation No",
        "Uptime (seconds)", "Heap Memory (MB)", "Off Heap Memory (MB)", "Data Center", "Rack", "Exceptions",
        "Key Cache", "Row Cache", "Counter Cache", "Chunk Cache", "Network Cache", "Percent Repaired", "Token",
        "Bootstrap state", "Bootstrap failed", "Decommissioning", "Decommission failed",
    ]);

    public static InfoOutput Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var tokens = ImmutableArray.CreateBuilder<string>();
        int? tokenCount = null;
        var cursor = new LineCursor(text);
        while (cursor.MoveNext())
        {
            var line = cursor.Current;
            var trimmed = line.Trim();
            if (trimmed.IsEmpty)
            {
                continue;
            }

            if (trimmed.StartsWith("Error:", StringComparison.Ordinal) || trimmed.StartsWith("nodetool:", StringComparison.Ordinal))
            {
                throw ParseError.Output(Command, "nodetool reported: " + ParseError.Show(trimmed));
            }

            var colon = trimmed.IndexOf(':');
            var key = colon > 0 ? Known.Find(trimmed[..colon].Trim()) : null;
            if (key is null)
            {
                throw ParseError.Line(Command, Layout, cursor.Number, line, "not a known 'Key : value' line");
            }

            var value = trimmed[(colon + 1)..].Trim();
            if (key == "Token")
            {
                if (value.StartsWith(TokenHintPrefix, StringComparison.Ordinal) && value.EndsWith(" tokens)", StringComparison.Ordinal)
                    && SpanText.TryParseInt(value[TokenHintPrefix.Length..^" tokens)".Length], out var count))
                {
                    tokenCount = count;
                }
                else if (SpanText.IsToken(value))
                {
                    tokens.Add(value.ToString());
                }
                else
                {
                    throw ParseError.Line(Command, Layout, cursor.Number, line, "a Token line that is neither a token nor the -T hint");
                }
            }

            fields[key] = value.ToString();
        }

        if (fields.Count == 0)
        {
            throw ParseError.Output(Command, "no 'Key : value' line (empty output?)");
        }

        if (tokens.Count > 0)
        {
            tokenCount = tokens.Count;
        }

        var id = fields.TryGetValue("ID", out var idText) ? ParseGuid(idText) : null;
        return new InfoOutput(
            id,
            Bool(fields, "Gossip active"),
            Bool(fields, "Thrift active"),
            Bool(fields, "Native Transport active"),
            fields.GetValueOrDefault("Load"),
            Long(fields, "Generation No"),
            Long(fields, "Uptime (seconds)"),
            fields.GetValueOrDefault("Data Center"),
            fields.GetValueOrDefault("Rack"),
            tokenCount,
            tokens.ToImmutable(),
            fields.ToImmutable());
    }

    private static Guid? ParseGuid(string text) =>
        SpanText.TryParseGuid(text, out var guid) ? guid : throw ParseError.Output(Command, $"ID '{ParseError.Show(text)}' is not a UUID");

    private static bool? Bool(ImmutableDictionary<string, string>.Builder fields, string key) =>
        !fields.TryGetValue(key, out var text) ? null
        : text switch
        {
            "true" => true,
            "false" => false,
            _ => throw ParseError.Output(Command, $"'{key}' is '{ParseError.Show(text)}', not true or false"),
        };

    private static long? Long(ImmutableDictionary<string, string>.Builder fields, string key) =>
        !fields.TryGetValue(key, out var text) ? null
        : long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value
        : throw ParseError.Output(Command, $"'{key}' is '{ParseError.Show(text)}', not a number");

    /// <summary>Looks a span key up among the known keys without allocating.</summary>
    private sealed class FrozenKeys(string[] keys)
    {
        public string? Find(ReadOnlySpan<char> key)
        {
            foreach (var candidate in keys)
            {
                if (key.SequenceEqual(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }
    }
}
