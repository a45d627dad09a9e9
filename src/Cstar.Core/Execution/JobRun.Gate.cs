using System.Collections.Immutable;
using System.Threading.Channels;
using Cstar.Core.Health;
using Cstar.Core.Jobs;
using Cstar.Core.Jobs.Events;

namespace Cstar.Core.Execution;

/// <summary>
/// The return gate's reads run beside the loop: a read in flight holds no other decision (a host of another DC, the
/// rest of a wave). A read judges only the hosts whose command had ended when it began (<see cref="GateReading.Covered"/>):
/// figures from before a command ended never decide its return. When a host's first read starts is
/// <see cref="NextGateRead"/>'s business (hosts that end together share one); at most <see cref="MaxGateReads"/> run
/// at a time, and the probe asks peers another read is not asking first. Only the loop applies what a read saw.
/// </summary>
internal sealed partial class JobRun
{
    private const int MaxGateReads = 3;
    private readonly Channel<GateReading> _gateReads = Channel.CreateUnbounded<GateReading>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<int, ImmutableHashSet<string>> _gateReadsInFlight = [];
    private readonly CancellationTokenSource _gateStop = new();

    /// <summary>Hosts whose command ended and that no read begun since covers: their first read is due at once, whatever the back-off says.</summary>
    private readonly HashSet<string> _notYetRead = new(StringComparer.Ordinal);
    private int _gateReadCount;
    private int _viewsFromRead;

    /// <summary>What one gate read saw: the views and, for the covered hosts a majority sees UN, whether CQL answered.</summary>
    private sealed record GateReading(int Number, ImmutableHashSet<string> Covered, IReadOnlyList<RingView> Views, ImmutableDictionary<string, bool> CqlReady);

    /// <summary>A read could start (time aside): none in flight, or a host awaiting return that no read in flight covers.</summary>
    private bool GateReadWanted =>
        NeedsPolling && _gateReadsInFlight.Count < MaxGateReads
        && (_gateReadsInFlight.Count == 0 || _awaiting.Keys.Any(h => !_gateReadsInFlight.Values.Any(covered => covered.Contains(h))));

    private bool GateReadDue => GateReadWanted && Now >= NextGateRead;

    /// <summary>Starts one gate read beside the loop: its answer comes back through <see cref="_gateReads"/>.</summary>
    private void StartGateRead()
    {
        var number = ++_gateReadCount;
        var covered = _awaiting.Keys.ToImmutableHashSet(StringComparer.Ordinal);
        _gateReadsInFlight[number] = covered;
        _gateReadStarted[number] = Now;
        _notYetRead.ExceptWith(covered);
        // Hosts whose command still runs are no witnesses; a node down elsewhere is cleared only when every view sees it up.
        var avoid = _tasks.Keys.ToImmutableHashSet(StringComparer.Ordinal);
        var enough = _foreignDownSince is null ? GateQuorum.AllDecided([.. covered]) : null;
        _ = ReadBesideAsync(number, covered, avoid, enough, _request.RequireCql, _gateStop.Token);
    }

    private async Task ReadBesideAsync(
        int number, ImmutableHashSet<string> covered, ImmutableHashSet<string> avoid, Func<IReadOnlyList<RingView>, int, bool>? enough, bool requireCql, CancellationToken token)
    {
        IReadOnlyList<RingView> views = [];
        var cql = ImmutableDictionary.Create<string, bool>(StringComparer.Ordinal);
        try
        {
            views = enough is null
                ? await _s.Health.ReadViewsAsync(avoid, token).ConfigureAwait(false)
                : await _s.Health.ReadViewsAsync(avoid, covered, enough, token).ConfigureAwait(false);
            if (requireCql)
            {
                var seenUp = covered.Where(h => HealthRules.HasReturned(h, views, false, false).IsOk).ToList();
                var answers = await Task.WhenAll(seenUp.Select(async h => (h, Ready: (await _s.Health.CheckCqlAsync(h, token).ConfigureAwait(false)).Ready))).ConfigureAwait(false);
                cql = answers.ToImmutableDictionary(a => a.h, a => a.Ready, StringComparer.Ordinal);
            }
        }
#pragma warning disable CA1031 // A read that fails saw nothing: the hosts it covered wait for the next read (bounded by --wait-timeout).
        catch (Exception)
#pragma warning restore CA1031
        {
            views = [];
        }

        _gateReads.Writer.TryWrite(new GateReading(number, covered, views, cql));
    }

    /// <summary>One gate read's answer decides the hosts it covers that still await return, and watches for foreign down nodes.</summary>
    private async Task ApplyGateReadAsync(GateReading reading, CancellationToken stop)
    {
        _gateReadsInFlight.Remove(reading.Number);
        if (_gateReadStarted.Remove(reading.Number, out var started) && reading.Views.Count > 0)
        {
            _lastGateReadTook = Now - started;
        }

        var newest = reading.Number > _viewsFromRead;
        if (newest)
        {
            // The scheduler's view of the ring is the latest read begun, never an older one that answered late.
            _views = reading.Views;
            _viewsFromRead = reading.Number;
        }

        foreach (var (host, wait) in _awaiting.Where(a => reading.Covered.Contains(a.Key)).ToList())
        {
            var waited = Now - wait.Since;
            var verdict = HealthRules.HasReturned(host, reading.Views, false, false);
            if (verdict.IsOk && _request.RequireCql)
            {
                verdict = HealthRules.HasReturned(host, reading.Views, true, reading.CqlReady.GetValueOrDefault(host));
            }

            if (verdict.IsOk)
            {
                verdict = await ReturnedBelowBackPressureAsync(host, waited, stop).ConfigureAwait(false);
            }

            if (verdict.IsOk)
            {
                Succeed(host, waited);
            }
            else if (waited >= _request.WaitTimeout)
            {
                _awaiting.Remove(host);
                Fail(host, HostTransition.DidNotComeBack(Now, wait.ExitCode, $"did not come back within {Seconds(_request.WaitTimeout)} after {wait.Note}: {verdict.Reason}"));
            }
            else
            {
                _events.Publish(new GateEvent(Now, _jobId, host, false, verdict.Reason, waited));
            }
        }

        if (newest)
        {
            WatchForeignDownNodes();
        }

        _polls.Polled(Now);
    }

    private async Task ApplyGateReadsAsync(CancellationToken stop)
    {
        while (_gateReads.Reader.TryRead(out var reading))
        {
            await ApplyGateReadAsync(reading, stop).ConfigureAwait(false);
        }
    }

    private void StopGateReads()
    {
        if (!_gateStop.IsCancellationRequested)
        {
            _gateStop.Cancel();
        }
    }
}
