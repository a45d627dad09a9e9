using System.Collections.Concurrent;

namespace Cstar.Simulator.Host.Daemon;

/// <summary>
/// A thread-safe, append-only record of what happened to each host (nodetool calls, process and power
/// controls), in arrival order, so that tests can check what a job really did and in which order. It keeps
/// the last <see cref="Capacity"/> events, so a long-lived `cstar-sim up` daemon does not grow without bound.
/// </summary>
public sealed class HostHistory
{
    private readonly ConcurrentQueue<HostEvent> _events = new();
    private readonly TimeProvider _time;
    private readonly object _gate = new();

    public HostHistory(TimeProvider time) => _time = time;

    public const int Capacity = 100_000;

    /// <summary>Every event so far, oldest first.</summary>
    public IReadOnlyList<HostEvent> Events => [.. _events];

    /// <summary>The events of one host, oldest first.</summary>
    public IReadOnlyList<HostEvent> Of(string address) => [.. _events.Where(e => e.Address == address)];

    /// <summary>Records an event stamped now; a serving delay gives <see cref="HostEvent.ServingFrom"/>.</summary>
    public HostEvent Record(string address, string what, IReadOnlyList<string>? args = null, TimeSpan? servingAfter = null)
    {
        lock (_gate)
        {
            // Stamped and queued under one lock: the queue's order is the order of the timestamps.
            var now = _time.GetUtcNow();
            var recorded = new HostEvent(now, address, what, args ?? [], servingAfter is { } delay ? now + delay : null);
            _events.Enqueue(recorded);
            while (_events.Count > Capacity && _events.TryDequeue(out _))
            {
                // Forget the oldest.
            }

            return recorded;
        }
    }
}
