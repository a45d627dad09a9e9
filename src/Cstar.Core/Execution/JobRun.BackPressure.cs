using Cstar.Core.BackPressure;
using Cstar.Core.Health;
using Cstar.Core.Jobs.Events;
using Cstar.Core.Scheduling;

namespace Cstar.Core.Execution;

/// <summary>
/// The back-pressure gate in the job loop: a host of a wave starts only when it and its replicas are below the
/// limits; a finished host counts back only when it is. Every hold shows its figures in the views, and is reported
/// in the events and the log when it begins and then every report interval; a start held past --wait-timeout
/// halts the job (continue goes on), a return held past it is did-not-come-back.
/// </summary>
internal sealed partial class JobRun
{
    private readonly BackPressureGate? _backPressure;
    private readonly Dictionary<string, (DateTimeOffset Since, DateTimeOffset Reported, string Reason)> _held = new(StringComparer.Ordinal);
    private DateTimeOffset? _backPressureRecheck;

    private static BackPressureGate? CreateBackPressureGate(JobRunnerServices services, JobRunRequest request)
    {
        if (!request.BackPressure.IsActive)
        {
            return null;
        }

        var probe = services.Load ?? throw new ArgumentException("The request sets back-pressure limits but the services have no load probe.", nameof(services));
        return new BackPressureGate(probe, request.BackPressure, services.Time)
        {
            PollInterval = request.BackPressurePollInterval,
            MinPollInterval = TimeSpan.FromTicks(Math.Min(request.BackPressurePollInterval.Ticks, TimeSpan.FromSeconds(1).Ticks)),
        };
    }

    /// <summary>The hosts of the wave the gate lets start (empty: all held; the loop wakes again at the next read).</summary>
    private async Task<List<string>> ClearOfBackPressureAsync(List<string> wave, CancellationToken stop)
    {
        if (_backPressure is null)
        {
            return wave;
        }

        var clear = new List<string>();
        try
        {
            foreach (var host in wave)
            {
                var verdict = await _backPressure.CheckAsync(_request.Context.HostAndReplicas(host), stop).ConfigureAwait(false);
                if (verdict.IsClear)
                {
                    Release(host, returning: false);
                    clear.Add(host);
                }
                else
                {
                    Hold(host, returning: false, verdict);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return [];
        }

        _backPressureRecheck = clear.Count < wave.Count ? _backPressure.NextRead(wave.Except(clear).SelectMany(_request.Context.HostAndReplicas)) : null;
        if (clear.Count == 0)
        {
            var held = wave.Select(h => _held[h]).ToList();
            Decide(new SchedulingDecision.Wait("back-pressure holds the next start: " + string.Join("; ", held.Select(h => h.Reason).Distinct(StringComparer.Ordinal)), []));
        }

        return clear;
    }

    /// <summary>The gate's word on a host seen back (UN, CQL when asked): below the limits itself, or wait with the figures.</summary>
    private async Task<HealthVerdict> ReturnedBelowBackPressureAsync(string host, TimeSpan waited, CancellationToken stop)
    {
        if (_backPressure is null)
        {
            return HealthVerdict.Ok();
        }

        BackPressureVerdict verdict;
        try
        {
            verdict = await _backPressure.CheckAsync([host], stop, readAfter: Now - waited).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return HealthVerdict.Wait("interrupted while reading the back-pressure figures");
        }

        if (verdict.IsClear)
        {
            Release(host, returning: true);
            return HealthVerdict.Ok();
        }

        Hold(host, returning: true, verdict, waited);
        return HealthVerdict.Wait("back-pressure: " + verdict.Reason);
    }

    private void Hold(string host, bool returning, BackPressureVerdict verdict, TimeSpan? waitedSoFar = null)
    {
        var held = _held.TryGetValue(host, out var known) ? known : (Since: Now, Reported: DateTimeOffset.MinValue, Reason: verdict.Reason);
        var waited = waitedSoFar ?? Now - held.Since;
        if (Now - held.Reported >= _request.BackPressureReportInterval)
        {
            held = (held.Since, Now, verdict.Reason);
            _events.Publish(new BackPressureWaitEvent(Now, _jobId, host, returning, verdict.Figures, waited));
        }

        _held[host] = held;
        if (returning)
        {
            return;
        }

        _events.Publish(new GateEvent(Now, _jobId, host, false, "back-pressure holds its start: " + verdict.Reason, waited));
        if (waited >= _request.WaitTimeout && _haltReason is null)
        {
            _haltReason = $"back-pressure held the start of {host} for {Seconds(waited)}, past --wait-timeout {Seconds(_request.WaitTimeout)}: {verdict.Reason}";
            _events.Publish(new JobHaltedEvent(Now, _jobId, _haltReason));
        }
    }

    private void Release(string host, bool returning)
    {
        if (_held.Remove(host, out var held))
        {
            _events.Publish(new BackPressurePassEvent(Now, _jobId, host, returning, Now - held.Since));
            if (!returning)
            {
                _events.Publish(new GateEvent(Now, _jobId, host, true, "back-pressure lets it start", Now - held.Since));
            }
        }
    }
}
