using Cstar.Core.Ports;
using Cstar.Transport.Execution;
using Cstar.Transport.Ssh;

namespace Cstar.Transport.SshNet;

/// <summary>
/// The default transport: SSH.NET, one pooled connection per (host, port, user), channels multiplexed on it.
/// Each command runs as <c>sh -c 'print pid; exec "$@"' argv...</c> (quoted by <see cref="ShellQuote"/>), so a
/// command that times out or is cancelled is killed on the host — its whole process group, TERM then KILL —
/// over a control channel. A dead connection (error, failed probe) is evicted and re-created with backoff.
/// </summary>
public sealed class SshNetTransport : CommandTransportBase, IConnectionWarmup
{
    private readonly SshOptions _options;
    private readonly SshTargetResolver _resolver;
    private readonly SshNetConnector _connector;
    private readonly TimeProvider _time;
    private readonly Lock _poolLock = new();
    private readonly Dictionary<(string Host, int Port, string User), Task<SshNetConnection>> _pool = [];
    private readonly Dictionary<(string Host, int Port, string User), (int Failures, long At)> _failures = [];

    public SshNetTransport(SshOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var configPath = options.SshConfigFile ?? Path.Combine(home, ".ssh", "config");
        _resolver = new SshTargetResolver(options, SshConfigFile.Load(configPath));
        var verifier = new HostKeyVerifier(options.AcceptNewHostKeys, options.RecordAcceptedHostKeys);
        _connector = new SshNetConnector(options, verifier, new KeyRing(options.PassphrasePrompt), new PasswordOnce(options.PasswordPrompt), _time);
    }

    protected override async Task<int> ExecuteAsync(string host, Invocation invocation, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, _time);
        using var call = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        var target = _resolver.Resolve(host);
        SshNetConnection? connection = null;
        await using var stderr = new PidCapturingStream(invocation.StandardError);
        try
        {
            connection = await GetConnectionAsync(host, target, call.Token);
            using var onConnection = CancellationTokenSource.CreateLinkedTokenSource(call.Token, connection.Dead);
            var text = ShellQuote.Join(RemoteScripts.Wrap(invocation.Argv));
            var live = connection;
            var exitCode = await connection.RunOnChannelAsync(
                connection.Commands, text, invocation.StandardInput, invocation.StandardOutput, stderr, onConnection.Token, pump => KillWhenThePidIsReadAsync(live, stderr, pump));
            stderr.Complete();
            return exitCode;
        }
        catch (OperationCanceledException e) when (connection is { Dead.IsCancellationRequested: true } && !call.IsCancellationRequested)
        {
            Evict(target, connection);
            throw new TransportException(host, TransportFailureKind.Disconnected, $"{host}: the SSH connection was lost: {connection.DeathReason}.", e);
        }
        catch (OperationCanceledException e) when (call.IsCancellationRequested)
        {
            // A command that had started was killed by KillWhenThePidIsReadAsync before the channel was abandoned.
            cancellationToken.ThrowIfCancellationRequested();
            throw new TransportException(host, TransportFailureKind.Timeout, $"{host}: '{invocation.Argv[0]}' did not finish within {timeout.TotalSeconds:0.###} s and was killed.", e);
        }
        catch (Exception e) when (e is Renci.SshNet.Common.SshException or System.Net.Sockets.SocketException or ObjectDisposedException or InvalidOperationException)
        {
            if (connection is not null)
            {
                connection.MarkDead(e.Message);
                Evict(target, connection);
            }

            throw new TransportException(host, TransportFailureKind.Disconnected, $"{host}: the SSH connection failed: {e.Message}", e);
        }
    }

    /// <summary>Opens (or joins the opening of) the pooled connection to <paramref name="host"/>; a failure is left to the first command to report.</summary>
    public async Task WarmAsync(string host, CancellationToken cancellationToken)
    {
        try
        {
            await GetConnectionAsync(host, _resolver.Resolve(host), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Unreachable, refused, cancelled: the command that needs this host says so, with its own retries.
        }
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        List<Task<SshNetConnection>> all;
        lock (_poolLock)
        {
            all = [.. _pool.Values];
            _pool.Clear();
        }

        var closing = new List<Task>();
        foreach (var pending in all)
        {
            if (pending.IsCompletedSuccessfully)
            {
                pending.Result.MarkDead("the transport was disposed");
                closing.Add(pending.Result.Closed);
            }
            else
            {
                // Still connecting: close it as soon as it is up.
                _ = pending.ContinueWith(t => t.Result.MarkDead("the transport was disposed"), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            }
        }

        try
        {
            await Task.WhenAll(closing).WaitAsync(TimeSpan.FromSeconds(5), _time);
        }
        catch (TimeoutException)
        {
            // A frozen host can keep a socket from closing; the process exit will.
        }

        await base.DisposeAsyncCore();
    }

    /// <summary>
    /// The call was cancelled or timed out while its channel was open: once the wrapper's pid line is read, TERM then
    /// KILL the command's process group. The line may still be on its way when the time runs out (a loaded host, a
    /// slow channel open): it is waited for, up to the alive timeout or the end of stderr, never on a dead connection.
    /// </summary>
    private async Task KillWhenThePidIsReadAsync(SshNetConnection connection, PidCapturingStream stderr, Task stderrPump)
    {
        try
        {
            await Task.WhenAny(stderr.PidRead, stderrPump).WaitAsync(_options.AliveTimeout, _time, connection.Dead);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            // No pid within the bound (the command never started) or the connection is gone: nothing to kill there.
        }

        if (stderr.Pid is { } pid && !connection.Dead.IsCancellationRequested)
        {
            await KillAsync(connection, pid);
        }
    }

    /// <summary>TERM to the remote process group, KILL after the grace period, all in one bounded round trip.</summary>
    private async Task KillAsync(SshNetConnection connection, int pid)
    {
        using var bound = new CancellationTokenSource(_options.KillGracePeriod + _options.AliveTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(bound.Token, connection.Dead);
        try
        {
            var text = ShellQuote.Join(RemoteScripts.KillArgv(pid, _options.KillGracePeriod));
            await connection.RunOnChannelAsync(connection.Control, text, null, Stream.Null, Stream.Null, linked.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Best effort: the host is unreachable, so the caller learns the command timed out anyway.
        }
    }

    private async Task<SshNetConnection> GetConnectionAsync(string host, SshTarget target, CancellationToken cancellationToken)
    {
        var key = (target.HostName, target.Port, target.User);
        Task<SshNetConnection> pending;
        lock (_poolLock)
        {
            if (!_pool.TryGetValue(key, out pending!) || (pending.IsCompleted && !(pending.IsCompletedSuccessfully && pending.Result.IsUsable)))
            {
                pending = ConnectWithBackoffAsync(host, target, key);
                _pool[key] = pending;
            }
        }

        return await pending.WaitAsync(cancellationToken);
    }

    private async Task<SshNetConnection> ConnectWithBackoffAsync(string host, SshTarget target, (string, int, string) key)
    {
        (int Failures, long At) failure;
        lock (_poolLock)
        {
            _failures.TryGetValue(key, out failure);
        }

        if (failure.Failures > 0)
        {
            var backoff = TimeSpan.FromMilliseconds(Math.Min(5000, 100 * Math.Pow(2, failure.Failures - 1))) - _time.GetElapsedTime(failure.At);
            if (backoff > TimeSpan.Zero)
            {
                await Task.Delay(backoff, _time);
            }
        }

        try
        {
            var connection = await _connector.ConnectAsync(host, target, CancellationToken.None);
            lock (_poolLock)
            {
                _failures.Remove(key);
            }

            return connection;
        }
        catch
        {
            lock (_poolLock)
            {
                _failures[key] = (failure.Failures + 1, _time.GetTimestamp());
            }

            throw;
        }
    }

    private void Evict(SshTarget target, SshNetConnection connection)
    {
        var key = (target.HostName, target.Port, target.User);
        lock (_poolLock)
        {
            if (_pool.TryGetValue(key, out var current) && current.IsCompletedSuccessfully && ReferenceEquals(current.Result, connection))
            {
                _pool.Remove(key);
            }
        }
    }
}
