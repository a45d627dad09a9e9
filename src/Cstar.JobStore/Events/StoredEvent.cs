using System.Collections.Immutable;

namespace Cstar.JobStore.Events;

/// <summary>
/// One line of a job's <c>events.ndjson</c> as read back: its type, time and host (when it has one), and every other
/// field as text, so a type this program does not know still reads (and shows, as a marker, in the timeline).
/// </summary>
public sealed record StoredEvent(string Type, DateTimeOffset Time, string? Host, ImmutableSortedDictionary<string, string> Fields)
{
    public string? Field(string name) => Fields.GetValueOrDefault(name);
}
