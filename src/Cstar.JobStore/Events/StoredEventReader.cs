using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace Cstar.JobStore.Events;

/// <summary>
/// Reads a job's <c>events.ndjson</c>, from a byte offset on (so <c>cstar attach</c> reads only what is new). A line
/// without its newline is left for the next read (the runner may be writing it); a whole line that is not an event
/// (a runner killed mid-write leaves a torn one) is counted in <see cref="Batch.Unreadable"/>, never silently dropped.
/// </summary>
public static class StoredEventReader
{
    /// <summary>The events read, where the next read starts, and how many lines were not events.</summary>
    public sealed record Batch(ImmutableArray<StoredEvent> Events, long NextOffset, int Unreadable);

    public static Batch Read(string path, long offset = 0)
    {
        if (!File.Exists(path))
        {
            return new Batch([], offset, 0);
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (file.Length <= offset)
        {
            return new Batch([], offset, 0);
        }

        file.Position = offset;
        var bytes = new byte[file.Length - offset];
        var read = file.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        var events = ImmutableArray.CreateBuilder<StoredEvent>();
        var unreadable = 0;
        var start = 0;
        int newline;
        while ((newline = Array.IndexOf(bytes, (byte)'\n', start, read - start)) >= 0)
        {
            var line = Encoding.UTF8.GetString(bytes, start, newline - start);
            start = newline + 1;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (Parse(line) is { } parsed)
            {
                events.Add(parsed);
            }
            else
            {
                unreadable++;
            }
        }

        return new Batch(events.ToImmutable(), offset + start, unreadable);
    }

    /// <summary>One NDJSON line as an event, or null when it is not one (no type or time, or not JSON).</summary>
    public static StoredEvent? Parse(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("time", out var time) || !time.TryGetDateTimeOffset(out var at))
            {
                return null;
            }

            var fields = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (property.Name is not ("type" or "time" or "jobId"))
                {
                    fields[property.Name] = Text(property.Value);
                }
            }

            var host = root.TryGetProperty("host", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString() : null;
            return new StoredEvent(type.GetString()!, at, host, fields.ToImmutable());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => string.Empty,
        _ => value.GetRawText(),
    };
}
