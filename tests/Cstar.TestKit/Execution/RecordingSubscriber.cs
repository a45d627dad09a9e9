using System.Collections.Concurrent;
using Cstar.Core.Jobs.Events;
using Cstar.Core.Ports;

namespace Cstar.TestKit.Execution;

/// <summary>Keeps every event, in order and by kind, and fails (<see cref="Overlaps"/>) if two deliveries ever overlap.</summary>
public sealed class RecordingSubscriber : IJobEventSubscriber
{
    private int _inside;

    public string Name => "the recording subscriber";

    public ConcurrentQueue<JobEvent> Events { get; } = new();

    public IEnumerable<HostChangedEvent> Hosts => Events.OfType<HostChangedEvent>();

    public IEnumerable<HostOutputEvent> Output => Events.OfType<HostOutputEvent>();

    public IEnumerable<DecisionEvent> Decisions => Events.OfType<DecisionEvent>();

    /// <summary>Every gate check, a gate that opened after a wait included (as the views see it).</summary>
    public IEnumerable<GateEvent> Gates => Events.Select(e => e is GatePassEvent pass ? pass.AsGate() : e as GateEvent).OfType<GateEvent>();

    public IEnumerable<HostUnreachableEvent> Unreachable => Events.OfType<HostUnreachableEvent>();

    public int Overlaps { get; private set; }

    public void Handle(JobEvent jobEvent)
    {
        if (Interlocked.Exchange(ref _inside, 1) == 1)
        {
            Overlaps++;
        }

        Events.Enqueue(jobEvent);
        Interlocked.Exchange(ref _inside, 0);
    }
}
