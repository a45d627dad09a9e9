using System.Collections.Immutable;
using System.Globalization;
using System.Threading.Channels;
using Cstar.Core.Errors;
using Cstar.Core.Health;
using Cstar.Core.Jobs;
using Cstar.Core.Jobs.Events;
using Cstar.Core.Ports;
using Cstar.Core.Scheduling;

namespace Cstar.Core.Execution;

/// <summary>
/// One run of the job loop (the run loop may exceed 200 lines). Only this loop writes job state: host tasks
/// report through <see cref="_channel"/>, the loop records every transition, persisting Starting before any host
/// task exists. Finished hosts stay "Running" in the store until the gate sees them back (then Succeeded) or
/// gives up (DidNotComeBack), so a crash at any point leaves a state <c>continue</c> can attach to.
/// </summary>
internal sealed partial class JobRun : IDisposable
{
    private readonly JobRunnerServices _s;
    private readonly JobEventFanOut _events;
    private JobRunRequest _request;
    private readonly TimeProvider _time;
    private readonly string _jobId;
    private readonly Channel<HostMessage> _channel = Channel.CreateUnbounded<HostMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, HostRunState> _hosts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task> _tasks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (HostRunRequest Run, HostOutput Output)> _runs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DateTimeOffset Since, int? ExitCode, string Note)> _awaiting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DateTimeOffset Since, DateTimeOffset Reported)> _unreachable = new(StringComparer.Ordinal);
    private readonly List<Task> _cleanups = [];
    private readonly CancellationTokenSource _detach = new();
    private JobProgress _progress = null!;
    private IReadOnlyList<RingView> _views = [];
    private ImmutableHashSet<string> _baselineDown = ImmutableHashSet.Create<string>(StringComparer.Ordinal);
    private readonly GatePollSchedule _polls;
    private WarmAhead? _warmAhead;
    private DateTimeOffset? _foreignDownSince;
    private string? _foreignDownReason;
    private string? _haltReason;
    private string? _lastDecision;
    private int _startedThisRun;
    private int _failuresBefore;
    private bool _confirmAll;

    public JobRun(JobRunnerServices services, JobRunRequest request, JobEventFanOut events)
    {
        _s = services;
        _events = events;
        _request = request;
        _time = services.Time;
        _jobId = request.Definition.JobId;
        _polls = new GatePollSchedule(request.GateInitialDelay, request.GateMaxDelay);
        _backPressure = CreateBackPressureGate(services, request);
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    public async Task<JobOutcome> RunAsync(CancellationToken stop)
    {
        Initialize();
        if (_progress.StartedCount == 0 || !_request.Resume)
        {
            var before = await CheckBeforeFirstStartAsync(stop);
            if (before is not null)
            {
                return before;
            }
        }
        else
        {
            await ReadViewsAsync(withSchema: false, stop);
            _baselineDown = HealthRules.UnavailableNodes(_views).Except(_progress.InFlight);
        }

        foreach (var host in _hosts.Values.Where(h => h.Kind is HostRunStateKind.Starting or HostRunStateKind.Running).Select(h => h.Host).ToList())
        {
            Launch(host, attach: true);
        }

        if (_s.Warmup is { } warmup)
        {
            _warmAhead = new WarmAhead(warmup, _request.Context, _progress, HealthRules.UnavailableNodes(_views));
        }

        return await LoopAsync(stop);
    }

    public void Dispose()
    {
        _warmAhead?.Dispose();
        _gateStop.Dispose();
        _detach.Dispose();
    }

    private async Task<JobOutcome> LoopAsync(CancellationToken stop)
    {
        while (true)
        {
            while (_channel.Reader.TryRead(out var message))
            {
                Apply(message);
            }

            await ApplyGateReadsAsync(stop);

            ReadControls(force: false);
            _warmAhead?.Advance(_progress);

            if (stop.IsCancellationRequested)
            {
                return await InterruptAsync();
            }

            if (GateReadDue)
            {
                // Beside the loop: the decisions below do not wait for it.
                StartGateRead();
            }

            var end = await StepAsync(stop);
            if (end is not null)
            {
                return await FinishAsync(end.Value.State, end.Value.Code, end.Value.Reason);
            }

            if (_channel.Reader.TryPeek(out _) || _gateReads.Reader.TryPeek(out _))
            {
                continue;
            }

            await WaitAsync(stop);
        }
    }

    private bool NeedsPolling => _awaiting.Count > 0 || _foreignDownSince is not null;

    /// <summary>Asks the scheduler and acts. Returns how the job ends when it is over, else null (wait for news).</summary>
    private async Task<(JobState State, ExitCode Code, string Reason)?> StepAsync(CancellationToken stop)
    {
        var inFlight = _tasks.Count > 0 || _awaiting.Count > 0;
        if (_haltReason is not null || _foreignDownSince is not null)
        {
            var why = _haltReason ?? _foreignDownReason!;
            Decide(new SchedulingDecision.Wait(why, []));
            return inFlight || _haltReason is null ? null : EndState();
        }

        while (true)
        {
            var decision = Scheduler.Decide(ScheduleInput.Create(_request.Context, _progress, HealthRules.UnavailableNodes(_views)));
            if (decision is SchedulingDecision.Start start && _request.StopAfter is int limit && _startedThisRun >= limit)
            {
                decision = inFlight
                    ? new SchedulingDecision.Wait($"stop-after {limit.ToString(CultureInfo.InvariantCulture)} reached: waiting for the hosts in flight", [])
                    : new SchedulingDecision.Finished("stop-after reached");
            }

            Decide(decision);
            switch (decision)
            {
                case SchedulingDecision.Start s:
                    // Before any start, the latest requests: a pause sent a moment ago must hold this wave.
                    ReadControls(force: true);
                    if (HeldByControls() is { } held)
                    {
                        Decide(held);
                        return null;
                    }

                    var room = _request.StopAfter is int max ? max - _startedThisRun : int.MaxValue;
                    var clear = await ClearOfBackPressureAsync([.. s.Hosts.Take(room)], stop);
                    if (clear.Count == 0)
                    {
                        return null;
                    }

                    // Persist the whole wave first, then launch it: the first host's SSH work does not slow the records of the others.
                    var wave = await ConfirmAsync(clear, stop);
                    if (wave is null)
                    {
                        return _haltReason is not null && !inFlight ? EndState() : null;
                    }

                    if (wave.Count == 0)
                    {
                        continue;
                    }

                    foreach (var host in wave)
                    {
                        RecordStarting(host);
                    }

                    foreach (var host in wave)
                    {
                        Launch(host, attach: false);
                    }

                    // The next hosts' handshakes happen while these run.
                    _warmAhead?.Advance(_progress);
                    return null;
                case SchedulingDecision.Skip skip:
                    foreach (var host in skip.Hosts)
                    {
                        Record(host, HostTransition.Skipped(Now, skip.Reason));
                        _progress = _progress.WithSkipped(host);
                    }

                    continue;
                case SchedulingDecision.Blocked blocked when !inFlight:
                    _events.Publish(new JobHaltedEvent(Now, _jobId, blocked.Reason));
                    return (JobState.Halted, ExitCode.Blocked, blocked.Reason);
                case SchedulingDecision.Finished:
                    return inFlight ? null : EndState();
                default:
                    return null;
            }
        }
    }

    /// <summary>
    /// Under --confirm, asks before each host of the wave: the hosts to start (empty: all declined, ask the scheduler
    /// again), or null when the operator quit or pressed Ctrl+C (nothing of the wave starts).
    /// </summary>
    private async Task<List<string>?> ConfirmAsync(List<string> wave, CancellationToken stop)
    {
        if (_s.Confirmation is null || _confirmAll)
        {
            return wave;
        }

        var approved = new List<string>();
        foreach (var host in wave)
        {
            ConfirmAnswer answer;
            try
            {
                answer = await _s.Confirmation.ConfirmAsync(PlacementOf(host), stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return null;
            }

            switch (answer)
            {
                case ConfirmAnswer.Yes:
                    approved.Add(host);
                    break;
                case ConfirmAnswer.All:
                    _confirmAll = true;
                    approved.AddRange(wave.Skip(wave.IndexOf(host)));
                    return approved;
                case ConfirmAnswer.No:
                    Record(host, HostTransition.Skipped(Now, "declined at the --confirm prompt"));
                    _progress = _progress.WithSkipped(host);
                    break;
                default:
                    _haltReason = "quit at the --confirm prompt";
                    _events.Publish(new JobHaltedEvent(Now, _jobId, _haltReason));
                    return null;
            }
        }

        return approved;
    }

    private (JobState, ExitCode, string) EndState()
    {
        var counts = HostCounts.Of(_hosts.Values);
        var failed = counts.Failed + counts.TimedOut + counts.DidNotComeBack;
        var notRun = counts.Pending;
        if (notRun == 0)
        {
            return failed == 0
                ? (JobState.Finished, ExitCode.Success, $"all {N(counts.Total)} host(s) handled: {N(counts.Succeeded)} succeeded, {N(counts.Skipped)} skipped")
                : (JobState.Finished, ExitCode.HostsFailed, $"{N(failed)} host(s) failed, timed out or did not come back");
        }

        if (_haltReason is not null || failed > 0)
        {
            // A failed host is what the operator must hear about first: exit 1, even though the job can go on.
            return (JobState.Halted, failed > 0 ? ExitCode.HostsFailed : ExitCode.Incomplete, $"{_haltReason ?? "halted after a failure"}; {N(notRun)} host(s) not run");
        }

        return (JobState.StoppedAfter, ExitCode.Incomplete, $"stop-after reached; {N(notRun)} host(s) not run yet");
    }

    private void RecordStarting(string host)
    {
        Record(host, HostTransition.Starting(Now));
        _progress = _progress.WithRunning(host);
        _startedThisRun++;
    }

    private void Launch(string host, bool attach)
    {
        var state = _hosts[host];
        _events.Publish(new HostStartedEvent(Now, _jobId, host, state.Attempt, attach));
        var writer = _channel.Writer;
        var output = new HostOutput(_s.Outputs.OpenWriter(_jobId, host), new HostDisplayQueue(_request.DisplayQueueBytes), () => writer.TryWrite(new HostMessage.OutputWaiting(host)));
        var environment = _request.EnvironmentFor(host).ToImmutableDictionary(StringComparer.Ordinal);
        var run = new HostRunRequest(
            _jobId, host, PlacementOf(host), attach, state.StartedAt ?? Now, _request.HostTimeout, environment, output,
            pid => writer.TryWrite(new HostMessage.Running(host, pid)))
        {
            OnUnreachable = what => writer.TryWrite(new HostMessage.Unreachable(host, what)),
        };
        _runs[host] = (run, output);
        var token = _detach.Token;
        _tasks[host] = Task.Run(
            async () =>
            {
                HostRunResult result;
                try
                {
                    result = await _s.HostRunner.RunAsync(run, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    result = HostRunResult.Detached();
                }
#pragma warning disable CA1031 // A host task must always report: any failure becomes the host's result.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    result = HostRunResult.Lost($"lost: following the command failed ({e.GetType().Name}: {e.Message}); its end was not observed");
                }

                writer.TryWrite(new HostMessage.Ended(host, result));
            },
            CancellationToken.None);
    }

    private HostPlacement PlacementOf(string host)
    {
        var node = _request.Context.Topology.AllNodes.FirstOrDefault(n => string.Equals(n.Address, host, StringComparison.Ordinal));
        return node is null ? HostPlacement.Unknown(host) : new HostPlacement(host, node.Cluster, node.Datacenter, node.Rack);
    }

    private void Apply(HostMessage message)
    {
        switch (message)
        {
            case HostMessage.Running running when _hosts[running.Host].Kind == HostRunStateKind.Starting:
                Record(running.Host, HostTransition.Running(Now, running.Pid));
                break;
            case HostMessage.OutputWaiting waiting when _runs.TryGetValue(waiting.Host, out var run):
                ShowOutput(waiting.Host, run.Output, final: false);
                break;
            case HostMessage.Unreachable unreachable:
                ReportUnreachable(unreachable.Host, unreachable.What);
                break;
            case HostMessage.Ended ended:
                _unreachable.Remove(ended.Host);
                Ended(ended.Host, StoreEnd(ended.Host, ended.Result));
                break;
        }
    }

    /// <summary>Shows the host's output that waits for display (bounded: what the display could not keep up with is counted, not held).</summary>
    private void ShowOutput(string host, HostOutput output, bool final) =>
        output.Show(
            chunk => _events.Publish(new HostOutputEvent(Now, _jobId, host, chunk.Stream, chunk.Text)),
            leftOut => string.Create(
                CultureInfo.InvariantCulture,
                $"\n[cstar: {leftOut:N0} bytes of output not shown here (the display fell behind); out and err hold all of it: cstar jobs log {_jobId} --host {host}]\n"),
            final);

    /// <summary>
    /// The command's end as the loop records it: the rest of its output shown, then its exit status written beside
    /// out/err (made durable first). A status that cannot be stored makes the host lost: its output is not known whole.
    /// </summary>
    private HostRunResult StoreEnd(string host, HostRunResult result)
    {
        if (!_runs.TryGetValue(host, out var run) || result.Kind == HostRunResultKind.Detached)
        {
            return result;
        }

        ShowOutput(host, run.Output, final: true);
        try
        {
            if (result.ExitCode is { } code)
            {
                run.Output.WriteStatus(code);
            }

            return result;
        }
        catch (IOException e)
        {
            return HostRunResult.Lost($"lost: the output of {host} could not be stored whole ({e.Message}); its end was not recorded");
        }
    }

    /// <summary>A host out of contact: said at once when the outage begins, then every <see cref="JobRunRequest.UnreachableReportInterval"/>.</summary>
    private void ReportUnreachable(string host, HostUnreachable what)
    {
        // Timed by the attempts themselves, not by when the loop gets to the message.
        if (_unreachable.TryGetValue(host, out var last) && last.Since == what.Since && what.At - last.Reported < _request.UnreachableReportInterval)
        {
            return;
        }

        _unreachable[host] = (what.Since, what.At);
        _events.Publish(new HostUnreachableEvent(what.At, _jobId, host, what));
    }

    private void Ended(string host, HostRunResult result)
    {
        _tasks.Remove(host);
        if (result.Kind == HostRunResultKind.Detached)
        {
            return;
        }

        if (result.Succeeded || (result.Kind == HostRunResultKind.HostRebooted && _request.CommandRebootsHost))
        {
            _awaiting[host] = (Now, result.ExitCode, result.Reason);
            _notYetRead.Add(host);
            _polls.HostEnded();
            var state = _hosts[host];
            _events.Publish(new HostChangedEvent(Now, _jobId, host, state.Kind, true, state.RemotePid, result.ExitCode, result.Reason));
            _events.Publish(new GateWaitEvent(Now, _jobId, host, $"{result.Reason}: waiting for {host} to be seen back"));
            return;
        }

        var transition = result.Kind switch
        {
            HostRunResultKind.TimedOut => HostTransition.TimedOut(Now, result.Reason),
            // Never a success: the command's end was not seen (a reboot is one only when the command declares it).
            HostRunResultKind.HostRebooted => HostTransition.Failed(
                Now, null, $"lost: {result.Reason}; its end was not observed (a command that reboots its host declares '# C* reboots-host: true')"),
            _ => HostTransition.Failed(Now, result.ExitCode is 0 ? null : result.ExitCode, result.Reason),
        };
        Fail(host, transition);
    }

    private void Fail(string host, HostTransition transition)
    {
        Record(host, transition);
        _progress = _progress.WithFailed(host);
        Cleanup(host);
        // Failures of earlier runs were seen by the operator, who chose to continue: only this run's count.
        var failures = _hosts.Values.Count(h => HostStateMachine.IsFailure(h.Kind)) - _failuresBefore;
        if (failures > _request.MaxFailures && _haltReason is null)
        {
            _haltReason = $"halted after {N(failures)} failure(s) (the last: {host}, {transition.Reason ?? transition.To.ToString()})";
            _events.Publish(new JobHaltedEvent(Now, _jobId, _haltReason));
        }
    }

    private void Succeed(string host, TimeSpan waited)
    {
        Record(host, HostTransition.Succeeded(Now));
        _awaiting.Remove(host);
        _progress = _progress.WithDone(host).WithReturned(host);
        NoteSuccess(host);
        _events.Publish(new GatePassEvent(Now, _jobId, host, waited));
        Cleanup(host);
    }

    private void Cleanup(string host)
    {
        if (_runs.Remove(host, out var run))
        {
            run.Output.Dispose();
            _cleanups.Add(Task.Run(() => _s.HostRunner.CleanupAsync(run.Run, CancellationToken.None), CancellationToken.None));
        }
    }

    private void Record(string host, HostTransition transition)
    {
        var next = _s.Store.RecordHostTransition(_jobId, host, transition);
        _hosts[host] = next;
        _events.Publish(new HostChangedEvent(Now, _jobId, host, next.Kind, false, next.RemotePid, next.ExitCode, next.Reason));
        if (next.IsTerminal)
        {
            _events.Publish(new HostFinishedEvent(Now, _jobId, host, next.Kind, next.ExitCode, next.Reason, next.Duration));
        }
    }

    private void Decide(SchedulingDecision decision)
    {
        var text = decision.ToString();
        if (!string.Equals(text, _lastDecision, StringComparison.Ordinal))
        {
            _lastDecision = text;
            _events.Publish(new DecisionEvent(Now, _jobId, decision));
        }
    }

    private async Task WaitAsync(CancellationToken stop)
    {
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var waits = new List<Task>
        {
            _channel.Reader.WaitToReadAsync(wake.Token).AsTask(),
            _gateReads.Reader.WaitToReadAsync(wake.Token).AsTask(),
            Task.Delay(Timeout.InfiniteTimeSpan, _time, wake.Token),
        };
        if (GateReadWanted && NextGateRead != DateTimeOffset.MaxValue)
        {
            var delay = NextGateRead - Now;
            waits.Add(delay > TimeSpan.Zero ? Task.Delay(delay, _time, wake.Token) : Task.CompletedTask);
        }

        if (_s.Controls is not null)
        {
            var delay = _nextControlRead - Now;
            waits.Add(delay > TimeSpan.Zero ? Task.Delay(delay, _time, wake.Token) : Task.CompletedTask);
        }

        if (_warmAhead?.PlanPending is { } plan)
        {
            waits.Add(plan);
        }

        if (_nodeDoneWake is { } done)
        {
            var delay = done - Now;
            waits.Add(delay > TimeSpan.Zero ? Task.Delay(delay, _time, wake.Token) : Task.CompletedTask);
        }

        if (_backPressureRecheck is { } recheck)
        {
            var delay = recheck - Now;
            waits.Add(delay > TimeSpan.Zero ? Task.Delay(delay, _time, wake.Token) : Task.CompletedTask);
        }

        await Task.WhenAny(waits).ConfigureAwait(false);
        await wake.CancelAsync().ConfigureAwait(false);
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
