using System.Collections.Immutable;
using Cstar.Core.Jobs;

namespace Cstar.JobStore.Timeline;

/// <summary>One row of the timeline: the host, where it sits, how it ended, its bars and markers, and the head of its output.</summary>
public sealed record TimelineHost(
    string Host,
    string Cluster,
    string Datacenter,
    string Rack,
    HostRunState State,
    int? Wave,
    string OutputHead,
    ImmutableArray<TimelineSpan> Spans,
    ImmutableArray<TimelineMarker> Markers)
{
    public bool Failed => HostStateMachine.IsFailure(State.Kind);
}
