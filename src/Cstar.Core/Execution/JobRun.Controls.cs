using Cstar.Core.Jobs.Controls;
using Cstar.Core.Jobs.Events;
using Cstar.Core.Scheduling;

namespace Cstar.Core.Execution;

/// <summary>
/// Operator requests in the job loop: read from <see cref="JobRunnerServices.Controls"/> at each decision (and every
/// <see cref="JobRunRequest.ControlPollInterval"/> while waiting), applied in order, marked applied, and said in the
/// events, the log and the views with who and why. A new run folds every request of the job first, so a pause sent
/// while no runner ran holds this one. Pause stops new starts only: hosts in flight finish and are waited for.
/// </summary>
internal sealed partial class JobRun
{
    private JobSettings _settings = JobSettings.None;
    private long _controlsRead;
    private DateTimeOffset _nextControlRead;
    private DateTimeOffset? _lastSuccessAt;
    private string? _lastSucceeded;
    private DateTimeOffset? _nodeDoneWake;

    private void ReadControls(bool force)
    {
        if (_s.Controls is null || (!force && Now < _nextControlRead))
        {
            return;
        }

        _nextControlRead = Now + _request.ControlPollInterval;
        var before = _settings;
        foreach (var control in _s.Controls.ReadControls(_jobId, _controlsRead))
        {
            _controlsRead = control.Sequence;
            _settings = _settings.Apply(control);
            if (control.AppliedAt is not null)
            {
                continue;
            }

            _s.Controls.MarkControlApplied(_jobId, control.Sequence, Now);
            _events.Publish(new JobControlEvent(Now, _jobId, control.Sequence, control.Kind, control.Value, control.Who, control.Reason));
        }

        if (_settings.MaxConcurrency != before.MaxConcurrency || _settings.MaxConcurrencyPerDc != before.MaxConcurrencyPerDc)
        {
            var policy = _request.Context.Policy;
            _request = _request with
            {
                Context = _request.Context.WithConcurrency(_settings.MaxConcurrency ?? policy.MaxConcurrency, _settings.MaxConcurrencyPerDc ?? policy.MaxConcurrencyPerDc),
            };
        }
    }

    /// <summary>Why no host may start now (paused, or the pause after the last success), or null.</summary>
    private SchedulingDecision.Wait? HeldByControls()
    {
        if (_settings.PausedBy is { } pause)
        {
            return new SchedulingDecision.Wait($"paused: {pause.Describe()}; hosts in flight finish; cstar resume {_jobId} to go on", []);
        }

        var wait = _settings.NodeDonePause ?? _request.NodeDonePause;
        if (wait > TimeSpan.Zero && _lastSuccessAt is { } at && Now < at + wait)
        {
            _nodeDoneWake = at + wait;
            return new SchedulingDecision.Wait($"node-done-pause-time: {Seconds(wait)} after {_lastSucceeded} succeeded", []);
        }

        _nodeDoneWake = null;
        return null;
    }

    private void NoteSuccess(string host) => (_lastSuccessAt, _lastSucceeded) = (Now, host);
}
