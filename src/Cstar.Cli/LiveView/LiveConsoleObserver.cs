using Cstar.Core.Jobs.Events;
using Cstar.Core.Ports;
using Spectre.Console;

namespace Cstar.Cli.LiveView;

/// <summary>Feeds the model from the engine and redraws the live display (at most ~10 times a second).</summary>
internal sealed class LiveConsoleObserver(LiveViewModel model, TimeProvider time) : IJobEventSubscriber
{
    private long _lastDraw;

    public LiveDisplayContext? Context { get; set; }

    public string Name => "the live view";

    public void Handle(JobEvent jobEvent)
    {
        switch (jobEvent)
        {
            case HostChangedEvent e:
                HostChanged(e);
                break;
            case HostOutputEvent e:
                OutputReceived(e);
                break;
            case DecisionEvent e:
                DecisionMade(e);
                break;
            case GateEvent e:
                GateChanged(e);
                break;
            case GatePassEvent e:
                GateChanged(e.AsGate());
                break;
            case HostUnreachableEvent e:
                HostUnreachable(e);
                break;
            case JobStartedEvent or HostStartedEvent or HostFinishedEvent or GateWaitEvent or JobHaltedEvent or JobEndedEvent or SubscriberFailedEvent
                or BackPressureWaitEvent or BackPressurePassEvent or JobControlEvent:
                break;
            default:
                throw new UnhandledJobEventException(Name, jobEvent);
        }
    }

    private void HostChanged(HostChangedEvent args)
    {
        model.Apply(args);
        Draw(force: true);
    }

    private void OutputReceived(HostOutputEvent args)
    {
        model.Apply(args);
        Draw(force: false);
    }

    private void DecisionMade(DecisionEvent args)
    {
        model.Apply(args);
        Draw(force: true);
    }

    private void GateChanged(GateEvent args)
    {
        model.Apply(args);
        Draw(force: false);
    }

    private void HostUnreachable(HostUnreachableEvent args)
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
