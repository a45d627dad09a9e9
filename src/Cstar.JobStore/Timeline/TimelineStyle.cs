namespace Cstar.JobStore.Timeline;

/// <summary>The report's inline style sheet and legend (no fonts or images fetched).</summary>
internal static class TimelineStyle
{
    public const string Css = """
        body{font:13px/1.4 system-ui,-apple-system,"DejaVu Sans",sans-serif;margin:16px;color:#1f2328;background:#fff}
        h1{font-size:18px;margin:0 0 8px}h2{font-size:14px;margin:14px 0 2px}h3{font-size:12px;margin:4px 0 2px;color:#57606a;font-weight:600}
        table.facts{border-collapse:collapse;margin-bottom:6px}table.facts th{text-align:left;padding:1px 12px 1px 0;color:#57606a;font-weight:normal}
        .estimate{background:#f6f8fa;border-left:3px solid #8250df;padding:4px 8px}.note{color:#9a6700}
        .timeline{position:relative;margin-top:10px}
        .row{display:flex;align-items:center;position:relative;min-height:20px;border-bottom:1px solid #f0f0f0}
        .label{flex:0 0 190px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12px}
        .label small{color:#8c959f}
        .track{flex:1;position:relative;height:18px;background:#fafbfc}
        .axis .track{background:none;height:16px;overflow:hidden}.tick{position:absolute;top:0;font-size:10px;color:#57606a;border-left:1px solid #d0d7de;padding-left:2px}
        .job-lane .track{background:#f3f4f6}
        .bar{position:absolute;top:3px;height:12px;border-radius:2px}
        .bar.running{background:#2f81f7}.bar.coming-back{background:#f0a020}.bar.gate-wait{background:repeating-linear-gradient(45deg,#8c959f 0 3px,#d0d7de 3px 6px)}
        .bar.job-wait{background:#ffd7d5;top:0;height:18px}
        .bar.open{box-shadow:inset -6px 0 0 rgba(255,255,255,.6)}
        .wave{position:absolute;top:0;font-size:10px;color:#8250df;border-left:1px solid #8250df;padding-left:1px;height:18px}
        .estimate-line{position:absolute;top:-2px;height:22px;border-left:2px dashed #8250df}
        .marker{position:absolute;top:0;font-size:12px;margin-left:-5px;color:#57606a;cursor:default}
        .marker.failure{color:#cf222e;font-weight:bold}
        .host-row.failed .label{color:#cf222e;font-weight:bold}.cross{color:#cf222e}
        .tip{display:none;position:absolute;left:200px;top:19px;z-index:10;background:#fff;border:1px solid #d0d7de;box-shadow:0 4px 12px rgba(0,0,0,.15);padding:6px 8px;max-width:640px}
        .host-row:hover .tip{display:block}.host-row:hover{background:#f6f8fa}
        pre.output{margin:4px 0 0;max-height:220px;overflow:auto;background:#f6f8fa;padding:4px;font-size:11px;white-space:pre-wrap}
        .legend{margin-top:12px;color:#57606a}.legend span{display:inline-block;width:14px;height:10px;margin:0 4px 0 12px;vertical-align:middle}
        """;

    public const string Legend =
        "<p class=\"legend\">Bars:<span class=\"bar-key\" style=\"background:#2f81f7\"></span>running"
        + "<span class=\"bar-key\" style=\"background:#f0a020\"></span>waiting to come back"
        + "<span class=\"bar-key\" style=\"background:repeating-linear-gradient(45deg,#8c959f 0 3px,#d0d7de 3px 6px)\"></span>gate wait (start held)"
        + "<span class=\"bar-key\" style=\"background:#ffd7d5\"></span>the whole job waits"
        + " &nbsp; ✗ failure &nbsp; ◆ event (halt, continue, pause, setting change...) &nbsp; W<i>n</i> wave &nbsp; dashed line: estimated end."
        + " Hover a host for its exit and the head of its output; hover a bar or marker for its times.</p>\n";
}
