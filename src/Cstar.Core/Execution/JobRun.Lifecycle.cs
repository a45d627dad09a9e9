using System.Collections.Immutable;
using System.Globalization;
using Cstar.Core.Errors;
using Cstar.Core.Health;
using Cstar.Core.Jobs;
using Cstar.Core.Jobs.Events;
using Cstar.Core.Scheduling;
using Cstar.Core.Topology;

namespace Cstar.Core.Execution;

/// <summary>The job loop's beginning and ends: create or resume, the first health check, the gate, Ctrl+C, the end.</summary>
internal sealed partial class JobRun
{
    private void Initialize()
    {
        var definition = _request.Definition;
        if (!_request.Resume)
        {
            if (!_request.Created)
            {
                _s.Store.CreateJob(definition, _request.Hosts);
            }

            foreach (var host in _request.Hosts)
            {
                _hosts[host] = HostRunState.Pending(host);
            }
        }
        else
        {
            var stored = _s.Store.LoadJob(_jobId);
            var gone = stored.Hosts.Where(h => !h.IsTerminal && _request.Context.Topology.Find(h.Host) is null).Select(h => h.Host).Order(HostOrder.ByAddress).ToList();
            if (gone.Count > 0)
            {
                throw new CstarException(
                    $"Job {_jobId} cannot continue: target host(s) {string.Join(", ", gone)} are no longer in the ring.",
                    "Check the ring with cstar ring; a host that left the cluster cannot be run. Start a new job for the remaining hosts.");
            }

            foreach (var host in stored.Hosts)
            {
                _hosts[host.Host] = host;
            }

            if (stored.State != JobState.Running)
            {
                _s.Store.RecordJobState(_jobId, JobState.Running, Now, "continued");
            }

            if (_request.RetryFailed)
            {
                foreach (var host in stored.Hosts.Where(h => HostStateMachine.IsFailure(h.Kind)))
                {
                    _hosts[host.Host] = _s.Store.RecordHostTransition(_jobId, host.Host, HostTransition.Retry(Now), retryFailed: true);
                }
            }
        }

        _progress = ProgressOf(_hosts.Values);
        _failuresBefore = _hosts.Values.Count(h => HostStateMachine.IsFailure(h.Kind));
        _events.Publish(new JobStartedEvent(Now, _jobId, definition.CommandName, definition.Clusters, _hosts.Count, _request.Resume));
        ReadControls(force: true);
    }

    /// <summary>Store states → scheduler progress. Starting/Running are in flight (attached); a succeeded host counts as done and back.</summary>
    private static JobProgress ProgressOf(IEnumerable<HostRunState> hosts)
    {
        var list = hosts.ToList();
        var progress = JobProgress.Create(list.Select(h => h.Host));
        foreach (var host in list)
        {
            progress = host.Kind switch
            {
                HostRunStateKind.Starting or HostRunStateKind.Running => progress.WithRunning(host.Host),
                HostRunStateKind.Succeeded => progress.WithRunning(host.Host).WithDone(host.Host).WithReturned(host.Host),
                HostRunStateKind.Skipped => progress.WithSkipped(host.Host),
                // Failed in an earlier run and not retried: stays failed, but this run goes on with the hosts not started yet.
                _ when HostStateMachine.IsFailure(host.Kind) => progress.WithRunning(host.Host).WithFailed(host.Host).WithFailureAcknowledged(host.Host),
                _ => progress,
            };
        }

        return progress;
    }

    private async Task<JobOutcome?> CheckBeforeFirstStartAsync(CancellationToken stop)
    {
        // Discovery read the ring a moment ago: a fresh reading of this job is relied on (and said so), not read again.
        var reading = _request.RingReading is { } r && r.IsFreshAt(Now, _request.RingReadingFreshFor) ? r : null;
        if (reading is not null)
        {
            _views = reading.Views;
        }
        else
        {
            // Read afresh (discovery's reading is too old): with one peer's describecluster beside the status reads, so
            // the schema rule judges what the cluster says now. It runs at the same time as the status reads (about
            // no wall time), once per job run: one JVM more on one peer, against starting on a split schema.
            await ReadViewsAsync(withSchema: true, stop);
        }

        if (stop.IsCancellationRequested)
        {
            return Complete(JobState.Interrupted, ExitCode.Incomplete, "interrupted before the first host started");
        }

        var targets = _hosts.Values.Where(h => h.Kind == HostRunStateKind.Pending).Select(h => h.Host).ToList();
        var policy = _request.Context.Policy;
        var verdict = HealthRules.BeforeFirstStart(targets, _views, policy.IgnoreDownNodes, policy.AllowSchemaDisagreement);
        var said = reading is null ? verdict.Reason : $"{verdict.Reason} (as {reading.Source} read it {Seconds(Now - reading.ReadAt)} ago)";
        if (verdict.IsOk && !verdict.Notes.IsEmpty)
        {
            // What the check tolerated (a rolling upgrade's schema split, down targets skipped) is said, not dropped.
            said += "; " + string.Join("; ", verdict.Notes);
        }

        _events.Publish(new GateEvent(Now, _jobId, null, verdict.IsOk, said, TimeSpan.Zero));
        if (!verdict.IsOk)
        {
            _events.Publish(new JobHaltedEvent(Now, _jobId, said));
            return await FinishAsync(JobState.Halted, ExitCode.Blocked, "the ring is not healthy enough to start: " + said);
        }

        _baselineDown = HealthRules.UnavailableNodes(_views);
        return null;
    }

    /// <param name="withSchema">Also one peer's describecluster (the check before the first start, reading afresh).</param>
    private async Task ReadViewsAsync(bool withSchema, CancellationToken stop)
    {
        // Hosts whose command still runs are no witnesses; finished hosts awaiting return may be (a host's own view never counts for itself).
        var avoid = _tasks.Keys.ToImmutableHashSet(StringComparer.Ordinal);
        try
        {
            _views = withSchema
                ? await _s.Health.ReadViewsWithSchemaAsync(avoid, stop).ConfigureAwait(false)
                : await _s.Health.ReadViewsAsync(avoid, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            _views = [];
        }
    }

    /// <summary>A node that is not ours and was up when the job began went down: no new start until it is back, bounded by the wait timeout.</summary>
    private void WatchForeignDownNodes()
    {
        var ours = _hosts.Values.Where(h => h.Kind is HostRunStateKind.Starting or HostRunStateKind.Running || HostStateMachine.IsFailure(h.Kind))
            .Select(h => h.Host).Concat(_awaiting.Keys).ToHashSet(StringComparer.Ordinal);
        var down = HealthRules.UnavailableNodes(_views).Except(_baselineDown).Where(n => !ours.Contains(n)).Order(_request.Context.HostOrder).ToList();
        if (down.Count == 0)
        {
            if (_foreignDownSince is not null)
            {
                _events.Publish(new GatePassEvent(Now, _jobId, null, Now - _foreignDownSince.Value));
            }

            (_foreignDownSince, _foreignDownReason) = (null, null);
            return;
        }

        var reason = DescribeDown(down) + "; no host starts until every view sees them up";
        if (_foreignDownSince is null)
        {
            _foreignDownSince = Now;
            _events.Publish(new GateWaitEvent(Now, _jobId, null, reason));
        }

        _foreignDownReason = reason;
        var waited = Now - _foreignDownSince.Value;
        _events.Publish(new GateEvent(Now, _jobId, null, false, reason, waited));
        if (waited >= _request.WaitTimeout && _haltReason is null)
        {
            _haltReason = $"node(s) {string.Join(", ", down)} went down during the job and were not seen back by every peer within {Seconds(_request.WaitTimeout)}";
            _events.Publish(new JobHaltedEvent(Now, _jobId, _haltReason));
            (_foreignDownSince, _foreignDownReason) = (null, null);
        }
    }

    /// <summary>
    /// Names down nodes honestly: a host this job ran that passed its gate (a quorum of its peers see it UN) but
    /// that some slower peer still sees down is not "a node not run by this job".
    /// </summary>
    private string DescribeDown(List<string> down)
    {
        var ranHere = down.Where(n => _hosts.TryGetValue(n, out var state) && state.Kind == HostRunStateKind.Succeeded).ToList();
        var foreign = down.Except(ranHere).ToList();
        var parts = new List<string>();
        if (foreign.Count > 0)
        {
            parts.Add($"node(s) not run by this job are down: {string.Join(", ", foreign)}");
        }

        // Hosts seen down by the same peers share one sentence: each host and each viewer is named once.
        var order = _request.Context.HostOrder;
        var byViewers = ranHere
            .Select(host => (Host: host, Viewers: string.Join(", ", _views.Where(v => v.Nodes.Any(n => string.Equals(n.Address, host, StringComparison.Ordinal) && !n.IsUpNormal)).Select(v => v.Viewer).Order(order))))
            .GroupBy(x => x.Viewers, StringComparer.Ordinal);
        foreach (var group in byViewers)
        {
            var hosts = group.Select(x => x.Host).ToList();
            parts.Add(hosts.Count == 1
                ? $"{hosts[0]} (run by this job) is back for a quorum of its peers but still down in the view of {group.Key}"
                : $"{string.Join(", ", hosts)} (run by this job) are back for a quorum of their peers but still down in the view of {group.Key}");
        }

        return string.Join("; ", parts);
    }

    /// <summary>Ctrl+C: stop starting, stop following (commands go on remotely), persist Interrupted, return at once.</summary>
    private async Task<JobOutcome> InterruptAsync()
    {
        const string Reason = "interrupted: no new host starts; hosts already running keep running on their hosts";
        _events.Publish(new JobHaltedEvent(Now, _jobId, Reason));
        await _detach.CancelAsync().ConfigureAwait(false);
        StopGateReads();
        await WaitBoundedAsync([.. _tasks.Values, .. _cleanups], _request.DetachGrace).ConfigureAwait(false);
        foreach (var (_, run) in _runs)
        {
            run.Output.Dispose();
        }

        return Complete(JobState.Interrupted, ExitCode.Incomplete, Reason);
    }

    private async Task<JobOutcome> FinishAsync(JobState state, ExitCode code, string reason)
    {
        // A request that came in since the last read is recorded as seen (it can change nothing now).
        ReadControls(force: true);
        StopGateReads();
        await WaitBoundedAsync(_cleanups, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        return Complete(state, code, reason);
    }

    private JobOutcome Complete(JobState state, ExitCode code, string reason)
    {
        _s.Store.RecordJobState(_jobId, state, Now, reason);
        var counts = HostCounts.Of(_hosts.Values);
        _events.Publish(new JobEndedEvent(Now, _jobId, state, counts));
        return new JobOutcome(_jobId, state, code, counts, reason);
    }

    private async Task WaitBoundedAsync(List<Task> tasks, TimeSpan bound)
    {
        if (tasks.Count == 0)
        {
            return;
        }

        using var cts = new CancellationTokenSource();
        var all = Task.WhenAll(tasks);
        await Task.WhenAny(all, Task.Delay(bound, _time, cts.Token)).ConfigureAwait(false);
        await cts.CancelAsync().ConfigureAwait(false);
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";
}
