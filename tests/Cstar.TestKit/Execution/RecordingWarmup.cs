using System.Collections.Concurrent;
using Cstar.Core.Ports;

namespace Cstar.TestKit.Execution;

/// <summary>Records each warm-up with what <see cref="StartedSoFar"/> said at that moment (to prove a host was warmed before it started).</summary>
public sealed class RecordingWarmup(Func<IEnumerable<string>> startedSoFar) : IConnectionWarmup
{
    public Func<IEnumerable<string>> StartedSoFar { get; } = startedSoFar;

    public ConcurrentQueue<(string Host, bool AlreadyStarted)> Warmed { get; } = new();

    public Task WarmAsync(string host, CancellationToken cancellationToken)
    {
        Warmed.Enqueue((host, StartedSoFar().Contains(host, StringComparer.Ordinal)));
        return Task.CompletedTask;
    }
}
