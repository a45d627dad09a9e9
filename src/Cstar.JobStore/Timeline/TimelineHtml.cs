using System.Globalization;
using System.Net;
using System.Text;
using Cstar.Core.Jobs;
using Cstar.JobStore.Rendering;

namespace Cstar.JobStore.Timeline;

/// <summary>
/// The timeline as one self-contained HTML page: styles inline, no script and nothing fetched (it opens offline and
/// runs nothing). A row per host under its cluster, DC and rack; bars placed in percent of the time axis; every
/// text that comes from a host or an event is HTML-encoded (output can hold <c>&lt;/script&gt;</c> or markup).
/// </summary>
public static class TimelineHtml
{
    public static string Render(JobTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        // The axis reaches the estimated end only when that is near: an estimate far off would squeeze what happened.
        var axis = new TimeAxis(
            timeline.Start,
            timeline.EstimatedEnd is { } estimate && estimate > timeline.End && estimate - timeline.Start <= (timeline.End - timeline.Start) * 2 ? estimate : timeline.End);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
            .Append("<title>cstar job ").Append(E(timeline.JobId)).Append("</title><style>").Append(TimelineStyle.Css).Append("</style></head><body>\n");
        TimelineSummary.Append(html, timeline);
        html.Append("<div class=\"timeline\" data-start=\"").Append(Iso(axis.Start)).Append("\" data-end=\"").Append(Iso(axis.End)).Append("\">\n");
        AppendAxis(html, axis);
        AppendJobLane(html, timeline, axis);
        foreach (var dc in timeline.Hosts.GroupBy(h => (h.Cluster, h.Datacenter)))
        {
            html.Append("<section class=\"dc\" data-dc=\"").Append(E(dc.Key.Datacenter)).Append("\"><h2>")
                .Append(E(dc.Key.Cluster)).Append(" / ").Append(E(dc.Key.Datacenter)).Append("</h2>\n");
            foreach (var rack in dc.GroupBy(h => h.Rack))
            {
                html.Append("<div class=\"rack\" data-rack=\"").Append(E(rack.Key)).Append("\"><h3>").Append(E(rack.Key)).Append("</h3>\n");
                foreach (var host in rack)
                {
                    AppendHost(html, host, axis);
                }

                html.Append("</div>\n");
            }

            html.Append("</section>\n");
        }

        html.Append("</div>\n").Append(TimelineStyle.Legend).Append("</body></html>\n");
        return html.ToString();
    }

    internal static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    internal static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void AppendAxis(StringBuilder html, TimeAxis axis)
    {
        html.Append("<div class=\"row axis\"><div class=\"label\">UTC</div><div class=\"track\">");
        foreach (var tick in axis.Ticks())
        {
            html.Append("<span class=\"tick\" style=\"left:").Append(axis.Percent(tick)).Append("%\">")
                .Append(tick.UtcDateTime.ToString(axis.Length < TimeSpan.FromDays(1) ? "HH:mm:ss" : "MM-dd HH:mm", CultureInfo.InvariantCulture)).Append("</span>");
        }

        html.Append("</div></div>\n");
    }

    private static void AppendJobLane(StringBuilder html, JobTimeline timeline, TimeAxis axis)
    {
        html.Append("<div class=\"row job-lane\"><div class=\"label\">job</div><div class=\"track\">");
        foreach (var span in timeline.JobSpans)
        {
            AppendSpan(html, span, axis);
        }

        foreach (var wave in timeline.Waves)
        {
            html.Append("<span class=\"wave\" style=\"left:").Append(axis.Percent(wave.Time)).Append("%\" title=\"")
                .Append(E($"wave {wave.Number} at {Format.Time(wave.Time)}: {string.Join(", ", wave.Hosts)}")).Append("\">W")
                .Append(wave.Number.ToString(CultureInfo.InvariantCulture)).Append("</span>");
        }

        foreach (var marker in timeline.Markers)
        {
            AppendMarker(html, marker, axis);
        }

        if (timeline.EstimatedEnd is { } estimated)
        {
            html.Append("<span class=\"estimate-line\" style=\"left:").Append(axis.Percent(estimated)).Append("%\" title=\"")
                .Append(E("estimated end (dry-run estimate at job creation): " + Format.Time(estimated) + (estimated > axis.End ? ", beyond the right edge" : string.Empty)))
                .Append("\"></span>");
        }

        html.Append("</div></div>\n");
    }

    private static void AppendHost(StringBuilder html, TimelineHost host, TimeAxis axis)
    {
        var state = Format.State(host.State.Kind);
        html.Append("<div class=\"row host-row").Append(host.Failed ? " failed" : string.Empty).Append("\" data-host=\"").Append(E(host.Host))
            .Append("\" data-state=\"").Append(state).Append("\"><div class=\"label\">").Append(host.Failed ? "<b class=\"cross\">✗</b> " : string.Empty)
            .Append(E(host.Host)).Append(host.Wave is { } w ? $" <small>w{w.ToString(CultureInfo.InvariantCulture)}</small>" : string.Empty)
            .Append("</div><div class=\"track\">");
        foreach (var span in host.Spans)
        {
            AppendSpan(html, span, axis);
        }

        foreach (var marker in host.Markers)
        {
            AppendMarker(html, marker, axis);
        }

        html.Append("</div><div class=\"tip\"><b>").Append(E(host.Host)).Append("</b> ").Append(E($"{host.Cluster} / {host.Datacenter} / {host.Rack}"))
            .Append("<br>state ").Append(state).Append(host.State.ExitCode is { } exit ? ", exit " + exit.ToString(CultureInfo.InvariantCulture) : string.Empty)
            .Append(", attempt ").Append(host.State.Attempt.ToString(CultureInfo.InvariantCulture))
            .Append("<br>").Append(E($"{Format.Time(host.State.StartedAt)} → {Format.Time(host.State.EndedAt)} ({Format.Duration(host.State.Duration)})"));
        if (host.State.Reason is { } reason)
        {
            html.Append("<br>").Append(E(TimelineBuilder.Bounded(reason)));
        }

        html.Append("<pre class=\"output\">").Append(host.OutputHead.Length == 0 ? "(no output)" : E(host.OutputHead)).Append("</pre></div></div>\n");
    }

    private static void AppendSpan(StringBuilder html, TimelineSpan span, TimeAxis axis)
    {
        var kind = span.Kind switch
        {
            TimelineSpanKind.Running => "running",
            TimelineSpanKind.ComingBack => "coming-back",
            TimelineSpanKind.GateWait => "gate-wait",
            _ => "job-wait",
        };
        html.Append("<span class=\"bar ").Append(kind).Append(span.Open ? " open" : string.Empty).Append("\" style=\"left:").Append(axis.Percent(span.From))
            .Append("%;width:").Append(axis.Width(span.From, span.To)).Append("%\" title=\"")
            .Append(E($"{kind} {Format.Time(span.From)} → {(span.Open ? "(not ended)" : Format.Time(span.To))} ({Format.Duration(span.To - span.From)}): {span.Label}"))
            .Append("\"></span>");
    }

    private static void AppendMarker(StringBuilder html, TimelineMarker marker, TimeAxis axis) =>
        html.Append("<span class=\"marker").Append(marker.Failure ? " failure" : string.Empty).Append("\" data-type=\"").Append(E(marker.Type))
            .Append("\" style=\"left:").Append(axis.Percent(marker.Time)).Append("%\" title=\"").Append(E($"{Format.Time(marker.Time)} {marker.Label}"))
            .Append("\">").Append(marker.Failure ? "✗" : "◆").Append("</span>");
}
