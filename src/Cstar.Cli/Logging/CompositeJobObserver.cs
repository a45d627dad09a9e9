using Cstar.Core.Execution;
using Cstar.Core.Ports;

namespace Cstar.Cli.Logging;

/// <summary>Fans each engine event out to several observers, in order (the console view first, then the log).</summary>
internal sealed class CompositeJobObserver(params IJobObserver[] observers) : IJobObserver
{
    public void HostChanged(HostChangedArgs args)
    {
        foreach (var observer in observers)
        {
            observer.HostChanged(args);
        }
    }

    public void OutputReceived(HostOutputArgs args)
    {
        foreach (var observer in observers)
        {
            observer.OutputReceived(args);
        }
    }

    public void DecisionMade(DecisionArgs args)
    {
        foreach (var observer in observers)
        {
            observer.DecisionMade(args);
        }
    }

    public void GateChanged(GateArgs args)
    {
        foreach (var observer in observers)
        {
            observer.GateChanged(args);
        }
    }

    public void HostUnreachable(HostUnreachableArgs args)
    {
        foreach (var observer in observers)
        {
            observer.HostUnreachable(args);
        }
    }

    public void ControlApplied(ControlArgs args)
    {
        foreach (var observer in observers)
        {
            observer.ControlApplied(args);
        }
    }
}
