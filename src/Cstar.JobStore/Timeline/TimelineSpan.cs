namespace Cstar.JobStore.Timeline;

/// <summary>One bar: what, from when to when, and the words shown on hover. <see cref="Open"/>: not ended when the report was made.</summary>
public sealed record TimelineSpan(TimelineSpanKind Kind, DateTimeOffset From, DateTimeOffset To, string Label, bool Open = false);
