using System.Collections.Immutable;
using Cstar.Core.Jobs;
using Cstar.Core.Jobs.Events;
using Cstar.JobStore.Events;

namespace Cstar.JobStore.Timeline;

/// <summary>
/// Turns a job's stored state, its events (in order) and its plan into the timeline's bars: a host runs from its
/// host-start to the gate-wait that follows its end (then it is coming back until its gate-pass or host-finish); a
/// gate-wait naming a host that has not started holds its start; one without a host holds the whole job. Waves are
/// the host-starts published together (one scheduling decision). Any other event type becomes a marker. Hosts
/// without events (jobs from before events were kept) get one bar from the store's start and end times.
/// </summary>
public static class TimelineBuilder
{
    private const int MaxLabel = 300;

    public static JobTimeline Build(TimelineInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var job = inputs.Job;
        var events = inputs.Events.OrderBy(e => e.Time).ToList(); // stable: equal times keep the file's order
        var start = events.Count > 0 && events[0].Time < job.Definition.CreatedAt ? events[0].Time : job.Definition.CreatedAt;
        var end = Max(job.EndedAt is { } ended && !IsRunning(job) ? ended : inputs.Now, events.Count > 0 ? events[^1].Time : start);
        var tracks = job.Hosts.ToDictionary(h => h.Host, _ => new HostTrack(), StringComparer.Ordinal);
        var jobSpans = new List<TimelineSpan>();
        var markers = new List<TimelineMarker>();
        var waves = new List<TimelineWave>();
        (DateTimeOffset Since, string Reason)? jobWait = null;
        var previousWasStart = false;
        foreach (var e in events)
        {
            var track = e.Host is { } h ? tracks.GetValueOrDefault(h) : null;
            var isStart = e.Type == JobEventTypes.HostStart && e.Field("attach") != "true" && track is not null;
            switch (e.Type)
            {
                case JobEventTypes.JobStart when e.Field("resumed") == "true":
                    markers.Add(new TimelineMarker(e.Time, "continue", "continued (cstar continue)"));
                    break;
                case JobEventTypes.JobStart:
                    break;
                case JobEventTypes.HostStart when track is not null:
                    track.Started(e.Time, attach: !isStart);
                    if (isStart)
                    {
                        if (previousWasStart)
                        {
                            waves[^1] = waves[^1] with { Hosts = waves[^1].Hosts.Add(e.Host!) };
                        }
                        else
                        {
                            waves.Add(new TimelineWave(waves.Count + 1, e.Time, [e.Host!]));
                        }

                        track.Wave = waves.Count;
                    }

                    break;
                case JobEventTypes.GateWait when e.Host is null:
                    jobWait ??= (e.Time, e.Field("reason") ?? "waiting");
                    break;
                case JobEventTypes.GateWait when track is not null:
                    track.GateWait(e.Time, e.Field("reason") ?? "waiting");
                    break;
                case JobEventTypes.GatePass when e.Host is null:
                    CloseJobWait(e.Time);
                    break;
                case JobEventTypes.GatePass when track is not null:
                    track.GatePass(e.Time);
                    break;
                case JobEventTypes.HostFinish when track is not null:
                    track.Finished(e.Time, e.Field("state") ?? "?", e.Field("exitCode"), e.Field("reason"));
                    break;
                case JobEventTypes.Halt:
                    markers.Add(new TimelineMarker(e.Time, "halt", Bounded("halt: " + e.Field("reason"))));
                    break;
                case JobEventTypes.JobEnd:
                    CloseJobWait(e.Time);
                    markers.Add(new TimelineMarker(e.Time, "job-end", "run ended: " + e.Field("state")));
                    break;
                default:
                    var marker = new TimelineMarker(e.Time, e.Type, Bounded(Describe(e)));
                    (track?.Markers ?? markers).Add(marker);
                    break;
            }

            previousWasStart = isStart;
        }

        if (jobWait is { } open)
        {
            jobSpans.Add(new TimelineSpan(TimelineSpanKind.JobWait, open.Since, end, Bounded(open.Reason), Open: true));
        }

        var placements = (inputs.Plan?.Hosts ?? []).ToDictionary(p => p.Host, StringComparer.Ordinal);
        var ordinals = job.Hosts.Select((h, i) => (h.Host, i)).ToDictionary(x => x.Host, x => x.i, StringComparer.Ordinal);
        var hosts = job.Hosts
            .Select(h =>
            {
                var place = placements.GetValueOrDefault(h.Host) ?? new JobPlanRecord.Placement(h.Host, "?", "unknown DC", "unknown rack");
                var track = tracks[h.Host];
                var spans = track.Close(end, h, IsRunning(job) && !inputs.RunnerGone);
                return new TimelineHost(h.Host, place.Cluster, place.Datacenter, place.Rack, h, track.Wave, inputs.OutputHead(h.Host), spans, [.. track.Markers]);
            })
            .OrderBy(h => h.Cluster, StringComparer.Ordinal).ThenBy(h => h.Datacenter, StringComparer.Ordinal).ThenBy(h => h.Rack, StringComparer.Ordinal)
            .ThenBy(h => ordinals[h.Host])
            .ToImmutableArray();
        return new JobTimeline(job, inputs.RunnerGone, start, end, hosts, [.. jobSpans], [.. markers], [.. waves], inputs.Plan, events.Count, inputs.UnreadableEvents);

        void CloseJobWait(DateTimeOffset at)
        {
            if (jobWait is { } w)
            {
                jobSpans.Add(new TimelineSpan(TimelineSpanKind.JobWait, w.Since, at, Bounded(w.Reason)));
                jobWait = null;
            }
        }
    }

    internal static string Bounded(string? text) =>
        text is null ? string.Empty : text.Length <= MaxLabel ? text : text[..(MaxLabel - 1)] + "…";

    private static bool IsRunning(StoredJob job) => job.State == JobState.Running;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static string Describe(StoredEvent e) =>
        e.Type + (e.Fields.IsEmpty ? string.Empty : ": " + string.Join(", ", e.Fields.Where(f => f.Key != "host").Select(f => $"{f.Key} {f.Value}")));
}
