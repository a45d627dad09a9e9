using System.Collections.Concurrent;
using System.Text;
using Cstar.Core.Execution;
using Cstar.Core.Ports;

namespace Cstar.TestKit.Execution;

/// <summary>
/// A host runner that behaves like the detached wrapper: the "remote" side remembers which hosts ever started,
/// so an attach to a started host never runs it again (<see cref="Executions"/> counts real executions).
/// By default a host prints one line and exits 0 at once; <see cref="Results"/> changes the outcome and
/// <see cref="Hold"/> keeps a host running until <see cref="Release"/> (or until the runner detaches).
/// </summary>
public sealed class FakeHostRunner : IHostRunner
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<HostRunResult>> _held = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _executions = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private int _running;

    public ConcurrentDictionary<string, HostRunResult> Results { get; } = new(StringComparer.Ordinal);

    public ConcurrentBag<string> Hold { get; } = [];

    public ConcurrentQueue<(string Host, bool Attach)> Calls { get; } = new();

    public ConcurrentQueue<string> CleanedUp { get; } = new();

    /// <summary>Hosts whose command finished "remotely" while nobody was attached (collected on the next attach).</summary>
    public ConcurrentDictionary<string, HostRunResult> FinishedRemotely { get; } = new(StringComparer.Ordinal);

    public int MaxConcurrent { get; private set; }

    /// <summary>What a host prints, instead of its one "hello" line (e.g. a flood of chunks, each write awaited as a runner does).</summary>
    public Func<HostRunRequest, CancellationToken, Task>? Print { get; set; }

    /// <summary>Called first on every run (e.g. to check what the store recorded before the host was sent anything).</summary>
    public Action<HostRunRequest>? OnCall { get; set; }

    public int Executions(string host) => _executions.GetValueOrDefault(host);

    public IEnumerable<string> Started => Calls.Select(c => c.Host).Distinct();

    public void Release(string host, HostRunResult? result = null) =>
        _held.GetOrAdd(host, _ => new TaskCompletionSource<HostRunResult>(TaskCreationOptions.RunContinuationsAsynchronously))
            .TrySetResult(result ?? Results.GetValueOrDefault(host) ?? HostRunResult.Exited(0));

    public async Task<HostRunResult> RunAsync(HostRunRequest request, CancellationToken detach)
    {
        OnCall?.Invoke(request);
        Calls.Enqueue((request.Host, request.Attach));
        if (FinishedRemotely.TryRemove(request.Host, out var done))
        {
            return done;
        }

        var fresh = _executions.AddOrUpdate(request.Host, 1, (_, n) => request.Attach ? n : n + 1);
        _ = fresh;
        lock (_gate)
        {
            _running++;
            MaxConcurrent = Math.Max(MaxConcurrent, _running);
        }

        try
        {
            request.OnRunning(1000 + Math.Abs(request.Host.GetHashCode(StringComparison.Ordinal) % 1000));
            if (Print is { } print)
            {
                await print(request, detach);
            }
            else
            {
                var line = Encoding.UTF8.GetBytes($"hello from {request.Host}\n");
                await request.Output.WriteAsync(new OutputBytes(OutputStreamKind.StandardOutput, line), detach);
            }

            HostRunResult result;
            if (Hold.Contains(request.Host))
            {
                var tcs = _held.GetOrAdd(request.Host, _ => new TaskCompletionSource<HostRunResult>(TaskCreationOptions.RunContinuationsAsynchronously));
                result = await tcs.Task.WaitAsync(detach);
            }
            else
            {
                result = Results.GetValueOrDefault(request.Host) ?? HostRunResult.Exited(0);
            }

            return result;
        }
        finally
        {
            lock (_gate)
            {
                _running--;
            }
        }
    }

    public Task CleanupAsync(HostRunRequest request, CancellationToken cancellationToken)
    {
        CleanedUp.Enqueue(request.Host);
        return Task.CompletedTask;
    }
}
