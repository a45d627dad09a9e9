using System.Collections.Immutable;
using Cstar.Core.Planning;
using Cstar.Core.Ports;
using Cstar.Core.Scheduling;

namespace Cstar.Core.Execution;

/// <summary>
/// Opens the connections of the hosts that will start next, in the background, while the current ones run: an SSH
/// handshake (100-250 ms) is then off the critical path of each later start. The order is the dry-run plan's (computed
/// once, beside the loop); a wrong guess costs nothing but an early handshake. Bounded: the unstarted hosts of the next
/// plan waves up to <see cref="Lookahead"/> hosts (always whole waves), <see cref="Concurrency"/> handshakes at a time,
/// each host at most once for the job (the transport keeps one pooled connection per host). Only the loop calls
/// <see cref="Advance"/>; a warm-up never fails a host (the first real command reports an unreachable host).
/// </summary>
internal sealed class WarmAhead : IDisposable
{
    public const int Lookahead = 16;
    public const int Concurrency = 8;

    /// <summary>Jobs up to this many hosts are planned at once; bigger ones beside the loop.</summary>
    public const int PlanAtOnceUpTo = 100;

    private readonly IConnectionWarmup _warmup;
    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots = new(Concurrency);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<ImmutableArray<ImmutableArray<string>>> _plan;
    private JobProgress? _advancedAt;

    public WarmAhead(IConnectionWarmup warmup, SchedulingContext context, JobProgress progress, IEnumerable<string> downNodes)
    {
        _warmup = warmup;
        var down = downNodes.ToList();
        ImmutableArray<ImmutableArray<string>> Plan() => PlanSimulator.Simulate(context, progress, down, new PlanEstimate(TimeSpan.Zero, TimeSpan.Zero)).Waves.Select(w => w.Hosts).ToImmutableArray();

        // A small job plans at once (well under a millisecond); a big one beside the loop, so its first start never waits.
        _plan = progress.States.Count <= PlanAtOnceUpTo ? Task.FromResult(Plan()) : Task.Run(Plan, _stop.Token);
    }

    /// <summary>Hosts asked to warm so far (for tests).</summary>
    public IReadOnlyCollection<string> Asked => _asked;

    /// <summary>Completes when the plan is computed: the loop then wakes once to warm the first hosts.</summary>
    public Task? PlanPending => _plan.IsCompleted ? null : _plan;

    /// <summary>Warms the next hosts the plan starts that <paramref name="progress"/> has not started yet (a no-op until the plan is ready, or when nothing moved).</summary>
    public void Advance(JobProgress progress)
    {
        if (!_plan.IsCompletedSuccessfully || _stop.IsCancellationRequested || ReferenceEquals(progress, _advancedAt))
        {
            return;
        }

        _advancedAt = progress;

        foreach (var host in Next(_plan.Result, progress).Where(_asked.Add))
        {
            _ = WarmAsync(host);
        }
    }

    /// <summary>The pending hosts of the next plan waves, whole waves, until at least <see cref="Lookahead"/> hosts.</summary>
    internal static List<string> Next(ImmutableArray<ImmutableArray<string>> waves, JobProgress progress)
    {
        var next = new List<string>();
        foreach (var wave in waves)
        {
            if (next.Count >= Lookahead)
            {
                break;
            }

            next.AddRange(wave.Where(h => progress.StateOf(h) == HostState.Pending));
        }

        return next;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private async Task WarmAsync(string host)
    {
        var token = _stop.Token;
        try
        {
            await _slots.WaitAsync(token).ConfigureAwait(false);
            try
            {
                await _warmup.WarmAsync(host, token).ConfigureAwait(false);
            }
            finally
            {
                _slots.Release();
            }
        }
#pragma warning disable CA1031 // A warm-up is a guess: nothing it meets may fail the job (the first real command reports the host).
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
