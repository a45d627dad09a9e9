using System.Diagnostics;
using Cstar.Core.Ports;
using Cstar.Transport.Execution;

namespace Cstar.Transport.Local;

/// <summary>
/// Runs argv lists on this machine, no shell (cstarpar's transport; the host argument only names the run).
/// Each command starts through <c>setsid</c> (util-linux), which makes it the leader of a new session and
/// process group without forking, so its pid is its group id. On timeout or cancellation the whole group gets
/// SIGINT, then SIGKILL after the grace period — grandchildren included, the way CliWrap cancels gracefully.
/// Where <c>setsid</c> is missing the command starts directly and only its process tree is killed.
/// Commands start with SIGPIPE at its default, as from a shell (see <see cref="DefaultSigpipe"/>); <c>ssh</c>, which
/// the OpenSSH adapter starts here and which sets SIGPIPE itself, starts without that step.
/// </summary>
public sealed class LocalTransport(TimeSpan killGracePeriod, TimeProvider? timeProvider = null) : CommandTransportBase
{
    private static readonly string? SetsidPath = new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists);
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public LocalTransport()
        : this(TimeSpan.FromSeconds(2))
    {
    }

    protected override Task<int> ExecuteAsync(string host, Invocation invocation, TimeSpan timeout, CancellationToken cancellationToken) =>
        RunRawAsync(host, invocation, timeout, cancellationToken, defaultSigpipe: true);

    /// <summary>Runs a local argv with bytes in and out; the OpenSSH adapter runs <c>ssh</c> through this.</summary>
    internal async Task<int> RunRawAsync(string host, Invocation invocation, TimeSpan timeout, CancellationToken cancellationToken, bool defaultSigpipe = false)
    {
        using var process = Start(host, invocation.Argv, defaultSigpipe ? DefaultSigpipe.Prefix : []);
        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        var stdoutPump = process.StandardOutput.BaseStream.CopyToAsync(invocation.StandardOutput, linked.Token);
        var stderrPump = process.StandardError.BaseStream.CopyToAsync(invocation.StandardError, linked.Token);
        try
        {
            await FeedInputAsync(process, invocation.StandardInput, linked.Token);
            await Task.WhenAll(stdoutPump, stderrPump);
            await process.WaitForExitAsync(linked.Token);
            return process.ExitCode;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException && linked.IsCancellationRequested)
        {
            await KillGroupAsync(process);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TransportException(host, TransportFailureKind.Timeout, $"{host}: '{invocation.Argv[0]}' did not finish within {timeout.TotalSeconds:0.###} s and was killed.", e);
        }
    }

    private static Process Start(string host, IReadOnlyList<string> command, IReadOnlyList<string> prefix)
    {
        IReadOnlyList<string> argv = [.. prefix, .. command];
        var info = new ProcessStartInfo
        {
            FileName = SetsidPath ?? argv[0],
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in SetsidPath is null ? argv.Skip(1) : argv)
        {
            info.ArgumentList.Add(arg);
        }

        try
        {
            return Process.Start(info) ?? throw new TransportException(host, TransportFailureKind.Other, $"{host}: could not start '{command[0]}'.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new TransportException(host, TransportFailureKind.Other, $"{host}: could not start '{command[0]}': {e.Message}", e);
        }
    }

    private static async Task FeedInputAsync(Process process, ReadOnlyMemory<byte>? input, CancellationToken cancellationToken)
    {
        try
        {
            if (input is { } bytes)
            {
                await process.StandardInput.BaseStream.WriteAsync(bytes, cancellationToken);
            }
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            // The command exited without reading all its input: its exit code tells the story.
        }
        finally
        {
            process.StandardInput.Close();
        }
    }

    private async Task KillGroupAsync(Process process)
    {
        if (process.HasExited && !NativeMethods.SignalGroup(process.Id, 0))
        {
            return;
        }

        if (SetsidPath is null)
        {
            process.Kill(entireProcessTree: true);
            return;
        }

        NativeMethods.SignalGroup(process.Id, NativeMethods.SigInt);
        using var grace = new CancellationTokenSource(killGracePeriod, _time);
        try
        {
            await process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            // Still running after the grace period.
        }

        NativeMethods.SignalGroup(process.Id, NativeMethods.SigKill);
        using var reap = new CancellationTokenSource(TimeSpan.FromSeconds(5), _time);
        try
        {
            await process.WaitForExitAsync(reap.Token);
        }
        catch (OperationCanceledException)
        {
            // Unkillable (D state): give up waiting rather than hang the caller.
        }
    }
}
