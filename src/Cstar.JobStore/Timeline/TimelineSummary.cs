using System.Globalization;
using System.Text;
using Cstar.Core.Jobs;
using Cstar.JobStore.Rendering;
using static Cstar.JobStore.Timeline.TimelineHtml;

namespace Cstar.JobStore.Timeline;

/// <summary>The report's heading: what the job was, how it ended, and the dry-run estimate set against what happened.</summary>
internal static class TimelineSummary
{
    public static void Append(StringBuilder html, JobTimeline timeline)
    {
        var job = timeline.Job;
        var definition = job.Definition;
        var counts = HostCounts.Of(job.Hosts);
        var state = timeline.RunnerGone ? $"running? (its runner process is gone: cstar continue {definition.JobId})" : job.State switch
        {
            JobState.StoppedAfter => "stopped-after",
            _ => job.State.ToString().ToLowerInvariant(),
        };
        html.Append("<header><h1>cstar job <code>").Append(E(definition.JobId)).Append("</code></h1>\n<table class=\"facts\">")
            .Append(Fact("command", definition.CommandName))
            .Append(Fact("reason", definition.Reason ?? "-"))
            .Append(Fact("clusters", string.Join(", ", definition.Clusters)))
            .Append(Fact("state", state + (job.StateReason is { } why ? ": " + why : string.Empty)))
            .Append(Fact("hosts", Format.Counts(counts)))
            .Append(Fact("started", Format.Time(definition.CreatedAt)))
            .Append(Fact(job.State == JobState.Running ? "so far" : "ended", job.State == JobState.Running
                ? $"{Format.Duration(timeline.End - definition.CreatedAt)} (report made {Format.Time(timeline.End)})"
                : $"{Format.Time(job.EndedAt)} after {Format.Duration((job.EndedAt ?? timeline.End) - definition.CreatedAt)}"))
            .Append(Fact("waves", timeline.Waves.Length.ToString(CultureInfo.InvariantCulture)))
            .Append("</table>\n");
        html.Append("<p class=\"estimate\">").Append(E(Estimate(timeline))).Append("</p>\n");
        if (timeline.EventCount == 0)
        {
            html.Append("<p class=\"note\">No events are kept for this job (it ran before cstar kept them): each bar is the host's start to end from the store.</p>\n");
        }

        if (timeline.UnreadableEvents > 0)
        {
            html.Append("<p class=\"note\">").Append(timeline.UnreadableEvents.ToString(CultureInfo.InvariantCulture))
                .Append(" line(s) of events.ndjson are not events (a runner killed while writing leaves a torn line); they are not drawn.</p>\n");
        }

        html.Append("</header>\n");
    }

    private static string Estimate(JobTimeline timeline)
    {
        if (timeline.Plan is not { } plan)
        {
            return "No dry-run estimate is stored with this job (jobs created before cstar kept plan.json).";
        }

        var actual = (timeline.Job.State == JobState.Running ? timeline.End : timeline.Job.EndedAt ?? timeline.End) - timeline.Job.Definition.CreatedAt;
        var basis = plan.EstimateBasis is { } b ? $" ({b})" : string.Empty;
        var verb = timeline.Job.State == JobState.Running ? "so far" : "actual";
        return $"Estimate at creation: {Format.Duration(plan.EstimatedDuration)} in {plan.Waves.Count} wave(s){basis}. "
            + $"{char.ToUpperInvariant(verb[0])}{verb[1..]}: {Format.Duration(actual)} in {timeline.Waves.Length} wave(s)"
            + (plan.EstimatedDuration > TimeSpan.Zero ? string.Create(CultureInfo.InvariantCulture, $", {actual / plan.EstimatedDuration:0.0#}× the estimate.") : ".");
    }

    private static string Fact(string name, string value) => $"<tr><th>{E(name)}</th><td>{E(value)}</td></tr>";
}
