using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Cstar.Core.Ports;
using Cstar.Transport.Execution;
using Cstar.Transport.Local;

namespace Cstar.Transport.OpenSsh;

/// <summary>
/// Runs commands through the system <c>ssh</c> client (<c>--ssh-lib openssh</c>), so the agent, ProxyCommand
/// and the whole ssh_config work. One ControlMaster per host in a private 0700 socket directory; commands go
/// over it (<c>BatchMode</c>: no prompt can hang a run). ServerAlive probes detect a frozen host. The remote
/// command is the same pid-reporting wrapper as the SSH.NET adapter's, so timeouts kill the remote group.
/// Known limit: a command whose timeout expires before its pid line reached us (i.e. during connection
/// setup) cannot be killed this way; the OpenSSH client has no way to send a signal request. The SSH.NET
/// adapter covers that case with the SSH "signal" channel request.
/// </summary>
public sealed class OpenSshTransport : CommandTransportBase
{
    private readonly SshOptions _options;
    private readonly string _controlDirectory;
    private readonly LocalTransport _local;
    private readonly OpenSshArgs _args;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _slots = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _hosts = new(StringComparer.Ordinal);

    public OpenSshTransport(SshOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        // CreateTempSubdirectory is mkdtemp on Unix: mode 0700, so no other user can reach the master sockets.
        _controlDirectory = Directory.CreateTempSubdirectory("cstar-ssh-").FullName;
        _local = new LocalTransport(options.KillGracePeriod, timeProvider);
        _args = new OpenSshArgs(options, _controlDirectory);
    }

    protected override async Task<int> ExecuteAsync(string host, Invocation invocation, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (host.StartsWith('-'))
        {
            throw new ArgumentException("A host name cannot start with '-'.", nameof(host));
        }

        _hosts.TryAdd(host, 0);
        var slots = _slots.GetOrAdd(host, _ => new SemaphoreSlim(Math.Max(1, _options.MaxSessions - 2)));
        var started = Stopwatch.GetTimestamp();
        if (!await slots.WaitAsync(timeout, cancellationToken))
        {
            throw new TransportException(host, TransportFailureKind.Timeout, $"{host}: no SSH session slot became free within {timeout.TotalSeconds:0.###} s.");
        }

        var remaining = timeout - Stopwatch.GetElapsedTime(started);
        await using var stderr = new PidCapturingStream(invocation.StandardError);
        using var sshErrors = new MemoryStream();
        await using var tee = new TeeStream(stderr, sshErrors);
        try
        {
            var argv = _args.Command(host, ShellQuote.Join(RemoteScripts.Wrap(invocation.Argv)));
            var exitCode = await _local.RunRawAsync(host, new Invocation(argv, invocation.StandardInput, invocation.StandardOutput, tee), remaining <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(1) : remaining, cancellationToken);
            stderr.Complete();
            if (exitCode == 255)
            {
                var sshMessage = Encoding.UTF8.GetString(sshErrors.ToArray());
                // Before the remote wrapper reported its pid, a 255 is ssh's own failure and its message says which.
                // After it, the command may have exited 255 itself: only a dead master (a mux client whose master
                // lost the host exits 255 silently) makes it a lost connection.
                if (stderr.Pid is null)
                {
                    throw await FailureAsync(host, OpenSshErrors.Classify(LastLines(sshMessage)) ?? TransportFailureKind.Other, sshMessage);
                }

                if (!await MasterAliveAsync(host))
                {
                    throw await FailureAsync(host, TransportFailureKind.Disconnected, sshMessage.Length > 0 ? sshMessage : "the connection was lost (no answer to ServerAlive probes)");
                }
            }

            return exitCode;
        }
        catch (Exception e) when (e is OperationCanceledException or TransportException { Kind: TransportFailureKind.Timeout })
        {
            if (stderr.Pid is { } pid)
            {
                using var bound = new CancellationTokenSource(_options.KillGracePeriod + _options.AliveTimeout);
                try
                {
                    await _local.RunRawAsync(host, new Invocation(_args.Command(host, ShellQuote.Join(RemoteScripts.KillArgv(pid, _options.KillGracePeriod))), null, Stream.Null, Stream.Null), _options.KillGracePeriod + _options.AliveTimeout, bound.Token);
                }
                catch (Exception killError) when (killError is TransportException or OperationCanceledException)
                {
                    // Best effort: the host is unreachable.
                }
            }

            throw;
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task<bool> MasterAliveAsync(string host)
    {
        try
        {
            var result = await _local.RunAsync(host, _args.Control(host, "check"), TimeSpan.FromSeconds(5), CancellationToken.None);
            return result.Succeeded;
        }
        catch (TransportException)
        {
            return false;
        }
    }

    private static string LastLines(string text)
    {
        var lines = text.TrimEnd().Split('\n');
        return string.Join('\n', lines.TakeLast(3));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        foreach (var host in _hosts.Keys)
        {
            try
            {
                await _local.RunAsync(host, _args.Control(host, "exit"), TimeSpan.FromSeconds(5), CancellationToken.None);
            }
            catch (TransportException)
            {
                // No master for that host (never connected, or already gone).
            }
        }

        Directory.Delete(_controlDirectory, recursive: true);
        await _local.DisposeAsync();
        await base.DisposeAsyncCore();
    }

    /// <summary>ssh's own failure as a <see cref="TransportException"/>; an unknown host key is shown with its fingerprint.</summary>
    private async Task<TransportException> FailureAsync(string host, TransportFailureKind kind, string message)
    {
        var text = message.Trim();
        if (kind != TransportFailureKind.HostKeyRejected)
        {
            return new TransportException(host, kind, $"{host}: ssh failed: {text}");
        }

        var fingerprints = await ScanFingerprintsAsync(host);
        return new TransportException(host, kind, $"{host}: ssh refused the host key ({text.Replace('\n', ' ')}). "
            + (fingerprints.Length > 0 ? $"The server presents {fingerprints}. " : string.Empty)
            + "Check the fingerprint with the host's owner, then run again with --accept-new-host-keys (a changed key must first be removed with ssh-keygen -R).");
    }

    /// <summary>Resolves the host with <c>ssh -G</c> (so ssh_config applies) and fingerprints what <c>ssh-keyscan</c> sees there.</summary>
    private async Task<string> ScanFingerprintsAsync(string host)
    {
        try
        {
            var resolved = await _local.RunAsync(host, _args.Resolve(host), TimeSpan.FromSeconds(5), CancellationToken.None);
            string? Setting(string name) => resolved.StandardOutput.Split('\n').Select(l => l.Split(' ', 2)).FirstOrDefault(p => p.Length == 2 && p[0] == name)?[1].Trim();
            var hostName = Setting("hostname") ?? host;
            var port = Setting("port") ?? "22";
            var scan = await _local.RunAsync(host, ["ssh-keyscan", "-T", "5", "-p", port, hostName], TimeSpan.FromSeconds(10), CancellationToken.None);
            var keys = scan.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Split(' '))
                .Where(f => f.Length >= 3 && !f[0].StartsWith('#'))
                .Select(f => $"{f[1]} {Ssh.KnownHosts.Fingerprint(Convert.FromBase64String(f[2]))}");
            return string.Join(", ", keys);
        }
        catch (Exception e) when (e is TransportException or FormatException or OperationCanceledException)
        {
            return string.Empty;
        }
    }
}
