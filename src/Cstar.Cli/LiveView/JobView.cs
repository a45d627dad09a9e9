using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.Core.Ports;
using Cstar.Core.Topology;
using Spectre.Console;

namespace Cstar.Cli.LiveView;

/// <summary>
/// Picks the view: drawn live with Spectre.Console on a terminal; plain lines (one per event) when stdout is
/// not a terminal or TERM is dumb or unset — cstar must never crash under cron or CI.
/// </summary>
internal static class JobView
{
    public static bool IsInteractive(TextWriter stdout) =>
        ReferenceEquals(stdout, Console.Out)
        && !Console.IsOutputRedirected
        && Environment.GetEnvironmentVariable("TERM") is { Length: > 0 } term
        && !string.Equals(term, "dumb", StringComparison.Ordinal);

    /// <summary>
    /// Whether a job's flags let the live view draw: not under --confirm (it would redraw over the question) nor
    /// with -vv (debug lines on stderr would interleave with the redraw).
    /// </summary>
    public static bool AllowsLive(Verbs.JobOptions options) => !options.Confirm && options.Verbose < 2;

    /// <param name="earlier">The hosts' states before this run (under <c>continue</c>), drawn from the first frame.</param>
    /// <param name="interrupt">Ctrl+C's message waits for the last frame instead of breaking into the drawing.</param>
    public static async Task<JobOutcome> RunAsync(
        TextWriter stdout, IJobEventSubscriber plain, RingTopology topology, IEnumerable<string> targets, TimeProvider time, bool allowLive, Func<IJobEventSubscriber, Task<JobOutcome>> run,
        IEnumerable<HostRunState>? earlier = null, Jobs.InterruptHandler? interrupt = null, Func<string, string>? label = null)
    {
        // --confirm asks on the console between hosts: a live redraw would overwrite the question.
        if (!allowLive || !IsInteractive(stdout))
        {
            return await run(plain);
        }

        var model = new LiveViewModel(topology, targets, time.GetUtcNow()) { Label = label ?? (host => host) };
        model.Seed(earlier ?? []);
        var live = new LiveConsoleObserver(model, time);
        JobOutcome? outcome = null;
        interrupt?.HoldMessage();
        try
        {
            await AnsiConsole.Live(LiveViewRenderer.Render(model, time.GetUtcNow())).AutoClear(false).StartAsync(async context =>
            {
                live.Context = context;
                outcome = await run(live);
                model.Finish(outcome.Reason);
                live.Draw(force: true);
            });
        }
        finally
        {
            interrupt?.ReleaseMessage();
        }

        return outcome!;
    }
}
