using System.Text;
using Cstar.Core.Commands;
using Cstar.Core.Scheduling;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Cstar.Cli.LiveView;

/// <summary>
/// Draws the live view: per cluster, DC and rack, one symbol per host (waiting, running, coming back, done,
/// failed, skipped, down), the current wave, elapsed time and ETA, and the last output line of running hosts.
/// </summary>
internal static class LiveViewRenderer
{
    public const string Legend = ". waiting  * running  ~ coming back  + done  ! failed  - skipped  x down";

    public static IRenderable Render(LiveViewModel model, DateTimeOffset now)
    {
        var rows = new List<IRenderable>();
        foreach (var cluster in model.Topology.Clusters)
        {
            rows.Add(new Markup($"[bold]{Markup.Escape(cluster.Name)}[/]"));
            foreach (var dc in cluster.Nodes.GroupBy(n => n.Datacenter).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var racks = dc.GroupBy(n => n.Rack).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(r => $"{Markup.Escape(r.Key)} {string.Concat(r.Where(n => model.IsTarget(n.Address)).OrderBy(n => n.Address, AddressComparer.Instance).Select(n => Symbol(model, n)))}");
                rows.Add(new Markup($"  {Markup.Escape(dc.Key),-10} {string.Join("   ", racks)}"));
            }
        }

        rows.Add(new Text(Legend, new Style(Color.Grey)));
        var elapsed = now - model.StartedAt;
        var eta = model.IsOver ? "-" : model.EstimateRemaining() is { } remaining ? DurationText.Format(remaining) : "?";
        rows.Add(new Markup(
            $"wave {model.Wave}   done {model.Count(HostDisplayState.Done)}   running {model.Count(HostDisplayState.Running)}   " +
            $"coming back {model.Count(HostDisplayState.ComingBack)}   failed {model.Count(HostDisplayState.Failed)}   " +
            $"elapsed {DurationText.Format(elapsed)}   eta {eta}"));
        rows.Add(new Text(model.Status, new Style(Color.Grey)));
        foreach (var host in model.RunningHosts.Take(10))
        {
            rows.Add(new Text($"  {model.Label(host)}: {model.LastLine(host) ?? "…"}"));
        }

        return new Rows(rows);
    }

    /// <summary>The same picture as plain text (for tests and logs).</summary>
    public static string RenderText(LiveViewModel model, DateTimeOffset now)
    {
        var writer = new StringWriter(new StringBuilder());
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer) });
        console.Profile.Width = 160;
        console.Write(Render(model, now));
        return writer.ToString();
    }

    private static string Symbol(LiveViewModel model, Core.Topology.Node node) => model.StateOf(node.Address) switch
    {
        HostDisplayState.Running => "[yellow]*[/]",
        HostDisplayState.ComingBack => "[blue]~[/]",
        HostDisplayState.Done => "[green]+[/]",
        HostDisplayState.Failed => "[red]![/]",
        HostDisplayState.Skipped => "[grey]-[/]",
        _ when !node.IsUpNormal => "[red]x[/]",
        _ => ".",
    };
}
