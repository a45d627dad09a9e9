using Cstar.Core.Execution;

namespace Cstar.Core.Ports;

/// <summary>
/// What the live view watches. Called by the runner loop only (one thread at a time), so an implementation needs
/// no locks; it must return quickly. One arguments record per callback: adding a field breaks nobody.
/// </summary>
public interface IJobObserver
{
    void HostChanged(HostChangedArgs args);

    void OutputReceived(HostOutputArgs args);

    void DecisionMade(DecisionArgs args);

    void GateChanged(GateArgs args);

    /// <summary>A host whose command runs cannot be reached: at the first failed attempt, then every 30 s (default: ignored).</summary>
    void HostUnreachable(HostUnreachableArgs args)
    {
    }

    /// <summary>An operator's pause, resume or set took effect (default: ignored).</summary>
    void ControlApplied(ControlArgs args)
    {
    }
}
