namespace Cstar.JobStore.Timeline;

/// <summary>
/// A point on the time axis: a halt, a continue, a host's failure, or any event type this program does not know
/// (a pause, a setting change...), shown with its type and fields so new events appear without a change here.
/// </summary>
public sealed record TimelineMarker(DateTimeOffset Time, string Type, string Label, bool Failure = false);
