using System.Text;
using Cstar.Core.Execution;
using Cstar.Core.Ports;

namespace Cstar.Transport.Detached;

/// <summary>
/// Runs a host's command detached from the SSH session (or the local process, for cstarpar) so that it survives
/// cstar: one long "run-or-attach" command that receives the bundle on its standard input (until the command is
/// known started), starts the command unless its folder already did (atomic <c>mkdir started.lock</c>) and streams
/// out/err from the byte offsets already stored locally until the exit status exists. An SSH drop is followed by reconnects with backoff and a re-attach
/// from the stored offsets (nothing lost, nothing twice); every failed attempt is reported (<see cref="HostRunRequest.OnUnreachable"/>)
/// and after <see cref="DetachedRunOptions.ReconnectWindow"/> without contact the host is lost. A process that vanished
/// without a status ends as <see cref="HostRunResultKind.HostRebooted"/> when the host has a new boot id, else as lost;
/// an unreadable status (a full disk on the node) is lost too, never a success. A per-host timeout kills the process group
/// and reports what the kill saw (killed, never started, already ended); a kill that could not be delivered or whose
/// effect was not seen is lost, and the run folder of a command that may still run is kept (no cleanup), so a retry attaches to it, never starts it twice.
/// The bytes go to <see cref="HostRunRequest.Output"/> (awaited chunk by chunk); the local <c>status</c> is the job loop's to write.
/// Per host step: 1 command when the command succeeds (+1 to read a non-zero status, +1 per re-attach), +1 cleanup.
/// </summary>
public sealed partial class DetachedHostRunner(IDetachedRunTransport transport, DetachedRunOptions options, TimeProvider? timeProvider = null) : IHostRunner
{
    private static readonly TimeSpan NoTimeout = TimeSpan.FromDays(7);
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _kept = new(StringComparer.Ordinal);
    private long _commands;

    /// <summary>Commands sent to hosts so far (each one runs the user's shell start-up files): for the benchmark.</summary>
    public long CommandsSent => Interlocked.Read(ref _commands);

    public async Task<HostRunResult> RunAsync(HostRunRequest request, CancellationToken detach)
    {
        ArgumentNullException.ThrowIfNull(request);
        var folder = options.Folder(request);
        var payload = options.Payload(request);
        var environment = new Dictionary<string, string>(request.Environment, StringComparer.Ordinal);
        foreach (var (key, value) in payload.Environment)
        {
            environment[key] = value;
        }

        var bundle = RunBundle.Build(payload.Script, environment);
        var deadline = request.Timeout is { } t ? request.StartedAt + t : (DateTimeOffset?)null;
        var backoff = TimeSpan.FromMilliseconds(250);
        DateTimeOffset? lostSince = null;
        var started = false;
        string lastError = string.Empty;
        var contact = false;
        var attempt = request with { OnRunning = pid => { contact = started = true; request.OnRunning(pid); } };
        while (true)
        {
            detach.ThrowIfCancellationRequested();
            if (deadline is { } d && _time.GetUtcNow() >= d)
            {
                return await TimeOutAsync(request, folder, lostSince, detach);
            }

            try
            {
                // Until its pid was seen the command may not have started: every attempt brings the bundle (a started folder ignores it).
                var result = await AttachAsync(attempt, folder, started ? null : bundle, deadline, detach);
                if (result is not null)
                {
                    return result;
                }
            }
            catch (TransportException e) when (e.Kind is TransportFailureKind.HostKeyRejected or TransportFailureKind.Authentication)
            {
                return HostRunResult.Lost(e.Message);
            }
            catch (Exception e) when (e is TransportException or IOException && !detach.IsCancellationRequested)
            {
                lastError = e.Message;
            }

            // An attach that reached the command (its pid came) ends an outage: a later drop starts a new window.
            lostSince = contact ? _time.GetUtcNow() : lostSince ?? _time.GetUtcNow();
            contact = false;
            if (_time.GetUtcNow() - lostSince >= options.ReconnectWindow)
            {
                Keep(folder);
                return HostRunResult.Lost(
                    $"lost: no contact with {request.Host} since {lostSince:HH:mm:ss} UTC ({DurationText(options.ReconnectWindow)} --reconnect-window after the connection was " +
                    $"declared dead): the command's end was not observed; last error: {lastError}");
            }

            request.OnUnreachable?.Invoke(new HostUnreachable(
                _time.GetUtcNow(), lostSince.Value, started ? "reconnecting to follow its command (re-attach from the stored output offsets)" : "reconnecting to start its command", lastError, lostSince.Value + options.ReconnectWindow));

            await Task.Delay(backoff, _time, detach);
            backoff = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(5).Ticks, backoff.Ticks * 2));
        }
    }

    public async Task CleanupAsync(HostRunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_kept.ContainsKey(options.Folder(request)))
        {
            // Its command may still run: the folder stays for a retry to attach to (cleanup-jobs removes it with the job).
            return;
        }

        try
        {
            Count();
            await transport.RunAsync(request.Host, DetachedScripts.CleanupArgv(options.Folder(request)), options.CommandTimeout, cancellationToken);
        }
        catch (Exception e) when (e is TransportException or IOException)
        {
            // The folder stays on the host (output and status; no secret: the bundle and env file go before the command
            // starts); cleanup-jobs removes it when it deletes the job.
        }
    }

    /// <summary>One attach: null when the connection dropped (try again), else how the command ended.</summary>
    private async Task<HostRunResult?> AttachAsync(HostRunRequest request, string folder, byte[]? bundle, DateTimeOffset? deadline, CancellationToken detach)
    {
        var output = new AttachOutput(request.Output, request.OnRunning);
        var argv = DetachedScripts.RunOrAttachArgv(
            folder, request.Output.StoredLength(Core.Jobs.OutputChannel.Out), request.Output.StoredLength(Core.Jobs.OutputChannel.Err), options.PollInterval, bundle?.Length);
        var timeout = deadline is { } d ? Max(d - _time.GetUtcNow(), TimeSpan.FromMilliseconds(1)) : NoTimeout;
        int exit;
        try
        {
            Count();
            exit = bundle is null
                ? await transport.RunStreamingAsync(request.Host, argv, output.AcceptAsync, timeout, detach)
                : await transport.RunStreamingAsync(request.Host, argv, bundle, output.AcceptAsync, timeout, detach);
        }
        catch (TransportException e) when (e.Kind == TransportFailureKind.Timeout && deadline is { } dl && _time.GetUtcNow() >= dl)
        {
            return await TimeOutAsync(request, folder, null, detach);
        }

        switch (exit)
        {
            case 0:
                return HostRunResult.Exited(0);
            case DetachedScripts.ExitStatusNonZero:
                Count();
                var bytes = await transport.ReadFileAsync(request.Host, folder + "/status", options.CommandTimeout, detach);
                var text = bytes is null ? string.Empty : Encoding.ASCII.GetString(bytes).Trim();
                if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code))
                {
                    return UnreadableStatus(request, folder, text);
                }

                return HostRunResult.Exited(code);
            case DetachedScripts.ExitVanished:
                return HostRunResult.Rebooted($"{request.Host} rebooted during the command (a new boot id): its process is gone and left no exit status");
            case DetachedScripts.ExitGoneSameBoot:
                return HostRunResult.Lost($"lost: the command's process on {request.Host} is gone and left no exit status (killed? the host did not reboot): its end was not observed");
            case DetachedScripts.ExitStatusUnreadable:
                Count();
                var garbled = await transport.ReadFileAsync(request.Host, folder + "/status", options.CommandTimeout, detach);
                return UnreadableStatus(request, folder, garbled is null ? string.Empty : Encoding.ASCII.GetString(garbled).Trim());
            case DetachedScripts.ExitDiskFull:
                return HostRunResult.Lost(
                    $"lost: the node's disk is full: could not write the command's output and exit status under {folder} on {request.Host}; " +
                    $"the output kept ({StoredBytes(request)}) is incomplete and the command's end was not observed. Free space on the node, then cstar continue <job-id> --retry-failed");
            case DetachedScripts.ExitTimedOut:
                return HostRunResult.TimedOut($"{TimedOutText(request)}: its process group was killed");
            case DetachedScripts.ExitNotStarted:
                return HostRunResult.TimedOut($"{TimedOutText(request)} before its command started: it was never started");
            case DetachedScripts.ExitNoFolder:
                return HostRunResult.Lost($"the run folder {folder} on {request.Host} is missing or its bundle cannot be unpacked");
            case DetachedScripts.ExitBundleIncomplete:
                throw new TransportException(request.Host, TransportFailureKind.Disconnected, $"{request.Host}: the run's bundle arrived incomplete (the input was cut); it is sent again");
            case DetachedScripts.ExitNeverStarted:
                return HostRunResult.Lost($"{folder} on {request.Host} was claimed (started.lock) but the command never wrote its pid: an earlier start was cut off; check the host, then continue --retry-failed");
            default:
                throw new TransportException(request.Host, TransportFailureKind.Disconnected, $"{request.Host}: the attach command ended with {exit}");
        }
    }

    private static HostRunResult UnreadableStatus(HostRunRequest request, string folder, string text) =>
        HostRunResult.Lost(
            $"lost: the exit status of the command on {request.Host} is unreadable ({folder}/status holds '{(text.Length > 40 ? text[..40] + "..." : text)}'): " +
            $"its end was not observed; the output kept ({StoredBytes(request)}) may be incomplete");

    private static string StoredBytes(HostRunRequest request) =>
        $"{request.Output.StoredLength(Core.Jobs.OutputChannel.Out)} bytes of stdout, {request.Output.StoredLength(Core.Jobs.OutputChannel.Err)} of stderr";

    private static string DurationText(TimeSpan span) =>
        span.TotalMinutes >= 1 && span.Seconds == 0 ? $"{span.TotalMinutes:0.#}m" : $"{span.TotalSeconds:0.#}s";

    private void Count() => Interlocked.Increment(ref _commands);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
