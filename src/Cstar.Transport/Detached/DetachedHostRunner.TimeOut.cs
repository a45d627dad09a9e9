using Cstar.Core.Execution;
using Cstar.Core.Ports;

namespace Cstar.Transport.Detached;

/// <summary>The per-host timeout: the kill, and what is reported from what it saw.</summary>
public sealed partial class DetachedHostRunner
{
    /// <summary>How long the kill waits for its process group to go after SIGKILL (the script's own bound).</summary>
    private static readonly TimeSpan KillReap = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The per-host timeout's kill, sent again (with backoff) while the host cannot be reached, for what is left of the
    /// reconnect window: the script is safe to repeat. Only what the kill saw is reported.
    /// </summary>
    private async Task<HostRunResult> TimeOutAsync(HostRunRequest request, string folder, DateTimeOffset? lostSince, CancellationToken detach)
    {
        var backoff = TimeSpan.FromMilliseconds(250);
        var lastError = string.Empty;
        while (true)
        {
            try
            {
                Count();
                var result = await transport.RunAsync(
                    request.Host, DetachedScripts.KillArgv(folder, options.KillGracePeriod), options.CommandTimeout + options.KillGracePeriod + KillReap, detach);
                return KillOutcome(request, folder, result);
            }
            catch (TransportException e) when (e.Kind is TransportFailureKind.HostKeyRejected or TransportFailureKind.Authentication)
            {
                return KillNotDelivered(request, folder, e.Message);
            }
            catch (Exception e) when (e is TransportException or IOException && !detach.IsCancellationRequested)
            {
                lastError = e.Message;
            }

            lostSince ??= _time.GetUtcNow();
            if (_time.GetUtcNow() - lostSince >= options.ReconnectWindow)
            {
                return KillNotDelivered(request, folder, $"no contact since {lostSince:HH:mm:ss} UTC ({DurationText(options.ReconnectWindow)} --reconnect-window); last error: {lastError}");
            }

            request.OnUnreachable?.Invoke(new HostUnreachable(
                _time.GetUtcNow(), lostSince.Value, "reconnecting to kill its timed-out command", lastError, lostSince.Value + options.ReconnectWindow));
            await Task.Delay(backoff, _time, detach);
            backoff = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(5).Ticks, backoff.Ticks * 2));
        }
    }

    private HostRunResult KillOutcome(HostRunRequest request, string folder, CommandResult result)
    {
        var timedOut = TimedOutText(request);
        switch (result.ExitCode)
        {
            case 0:
                return HostRunResult.TimedOut($"{timedOut}: its process group was killed");
            case DetachedScripts.KillNeverStarted:
                return HostRunResult.TimedOut($"{timedOut} before its command started: it was never started (its run folder is marked timed out, so it never will be)");
            case DetachedScripts.KillAlreadyEnded:
                return HostRunResult.TimedOut($"{timedOut}, but the command had ended by itself (exit status {result.StandardOutput.Trim()}) when the kill came: nothing was killed");
            case DetachedScripts.KillGoneWithoutStatus:
                return HostRunResult.Lost($"lost: {timedOut}, and the command's process on {request.Host} was already gone without an exit status (killed? a reboot?): its end was not observed");
            case DetachedScripts.KillSurvived:
                Keep(folder);
                return HostRunResult.Lost(
                    $"lost: {timedOut}; its process group on {request.Host} got SIGTERM then SIGKILL but part of it still runs (stuck in the kernel?): " +
                    $"its end was not observed and {folder} is kept. Check the host, then cstar continue <job-id> --retry-failed");
            case DetachedScripts.KillCannotMark:
                Keep(folder);
                return HostRunResult.Lost(
                    $"lost: {timedOut}, and {folder} on {request.Host} could not be marked timed out (a full disk? permissions?): nothing was killed and the command may " +
                    "still start. Check the host, then cstar continue <job-id> --retry-failed");
            default:
                Keep(folder);
                return HostRunResult.Lost(
                    $"lost: {timedOut}; the kill on {request.Host} ended with exit {result.ExitCode} ({result.StandardError.Trim()}): the command may still run and {folder} is kept. " +
                    "Check the host, then cstar continue <job-id> --retry-failed");
        }
    }

    private HostRunResult KillNotDelivered(HostRunRequest request, string folder, string error)
    {
        Keep(folder);
        return HostRunResult.Lost(
            $"lost: {TimedOutText(request)} and the kill could not be delivered to {request.Host} ({error}): the command may still run and {folder} is kept there. " +
            "Check the host, then cstar continue <job-id> --retry-failed (it attaches to the command rather than starting it again)");
    }

    private void Keep(string folder) => _kept.TryAdd(folder, 0);

    private static string TimedOutText(HostRunRequest request) => $"timed out after {request.Timeout?.TotalSeconds:0.#} s";
}
