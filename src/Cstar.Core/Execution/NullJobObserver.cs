using Cstar.Core.Ports;

namespace Cstar.Core.Execution;

/// <summary>An observer that ignores everything (no live view).</summary>
public sealed class NullJobObserver : IJobObserver
{
    public static readonly NullJobObserver Instance = new();

    public void HostChanged(HostChangedArgs args)
    {
    }

    public void OutputReceived(HostOutputArgs args)
    {
    }

    public void DecisionMade(DecisionArgs args)
    {
    }

    public void GateChanged(GateArgs args)
    {
    }
}
