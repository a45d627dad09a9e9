using System.Collections.Concurrent;
using Cstar.Core.Execution;
using Cstar.Core.Ports;

namespace Cstar.TestKit.Execution;

/// <summary>Keeps every observer callback, and fails (<see cref="Overlaps"/>) if two ever overlap.</summary>
public sealed class RecordingObserver : IJobObserver
{
    private int _inside;

    public ConcurrentQueue<HostChangedArgs> Hosts { get; } = new();

    public ConcurrentQueue<HostOutputArgs> Output { get; } = new();

    public ConcurrentQueue<DecisionArgs> Decisions { get; } = new();

    public ConcurrentQueue<GateArgs> Gates { get; } = new();

    public ConcurrentQueue<HostUnreachableArgs> Unreachable { get; } = new();

    public ConcurrentQueue<ControlArgs> Controls { get; } = new();

    public int Overlaps { get; private set; }

    public void HostChanged(HostChangedArgs args) => Guard(() => Hosts.Enqueue(args));

    public void OutputReceived(HostOutputArgs args) => Guard(() => Output.Enqueue(args));

    public void DecisionMade(DecisionArgs args) => Guard(() => Decisions.Enqueue(args));

    public void GateChanged(GateArgs args) => Guard(() => Gates.Enqueue(args));

    public void HostUnreachable(HostUnreachableArgs args) => Guard(() => Unreachable.Enqueue(args));

    public void ControlApplied(ControlArgs args) => Guard(() => Controls.Enqueue(args));

    private void Guard(Action action)
    {
        if (Interlocked.Exchange(ref _inside, 1) == 1)
        {
            Overlaps++;
        }

        action();
        Interlocked.Exchange(ref _inside, 0);
    }
}
