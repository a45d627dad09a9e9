using Cstar.Core.Execution;
using Cstar.Core.Ports;
using Spectre.Console;

namespace Cstar.Cli.LiveView;

/// <summary>Feeds the model from the engine and redraws the live display (at most ~10 times a second).</summary>
internal sealed class LiveConsoleObserver(LiveViewModel model, TimeProvider time) : IJobObserver
{
    private long _lastDraw;

    public LiveDisplayContext? Context { get; set; }

    public void HostChanged(HostChangedArgs args)
    {
        model.Apply(args);
        Draw(force: true);
    }

    public void OutputReceived(HostOutputArgs args)
    {
        model.Apply(args);
        Draw(force: false);
    }

    public void DecisionMade(DecisionArgs args)
    {
        model.Apply(args);
        Draw(force: true);
    }

    public void GateChanged(GateArgs args)
    {
        model.Apply(args);
        Draw(force: false);
    }

    public void HostUnreachable(HostUnreachableArgs args)
    {
        model.Apply(args);
        Draw(force: true);
    }

    public void Draw(bool force)
    {
        var now = time.GetTimestamp();
        if (Context is null || (!force && time.GetElapsedTime(_lastDraw, now) < TimeSpan.FromMilliseconds(100)))
        {
            return;
        }

        _lastDraw = now;
        Context.UpdateTarget(LiveViewRenderer.Render(model, time.GetUtcNow()));
    }
}
