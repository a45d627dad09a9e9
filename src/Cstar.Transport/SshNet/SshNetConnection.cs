using Cstar.Transport.Execution;
using Renci.SshNet;

namespace Cstar.Transport.SshNet;

/// <summary>
/// One pooled SSH.NET connection: channels are multiplexed on it, gated by an async limiter so no more than
/// the server's MaxSessions are ever open (SSH.NET fails the 11th channel and blocks a thread while it
/// waits for one). Command slots leave two control slots free for probes and kills. SSH.NET's keepalive
/// expects no reply, so a watchdog runs a trivial <c>true</c> while calls are in flight; no answer within
/// the alive timeout declares the connection dead, which fails every call on it at once.
/// </summary>
internal sealed class SshNetConnection : IDisposable
{
    private const int ControlSlots = 2;
    private readonly SshClient _client;
    private readonly IDisposable? _jump;
    private readonly TimeProvider _time;
    private readonly TimeSpan _aliveTimeout;
    private readonly CancellationTokenSource _dead = new();
    private int _inFlight;

    public SshNetConnection(SshClient client, IDisposable? jump, int maxSessions, TimeSpan aliveTimeout, TimeProvider time)
    {
        _client = client;
        _jump = jump;
        _time = time;
        _aliveTimeout = aliveTimeout;
        Commands = new SemaphoreSlim(Math.Max(1, maxSessions - ControlSlots));
        Control = new SemaphoreSlim(Math.Max(1, Math.Min(ControlSlots, maxSessions - 1)));
        _client.ErrorOccurred += (_, e) => MarkDead($"the connection failed: {e.Exception.Message}");
        _ = WatchAsync();
    }

    public SemaphoreSlim Commands { get; }

    public SemaphoreSlim Control { get; }

    /// <summary>Cancelled when the connection is declared dead; every call on it links to this.</summary>
    public CancellationToken Dead => _dead.Token;

    public string DeathReason { get; private set; } = "the connection was closed";

    public bool IsUsable => !_dead.IsCancellationRequested && _client.IsConnected;

    /// <summary>Completes once a dead connection's client is disposed.</summary>
    public Task Closed { get; private set; } = Task.CompletedTask;

    public void MarkDead(string reason)
    {
        lock (_dead)
        {
            if (_dead.IsCancellationRequested)
            {
                return;
            }

            DeathReason = reason;
            _dead.Cancel();
            Closed = Task.Run(Dispose);
        }
    }

    /// <summary>
    /// Runs one command on a new channel once <paramref name="slots"/> grants one. On cancellation the channel
    /// is abandoned: closed in the background, and its slot is given back only once it is closed. With
    /// <paramref name="beforeAbandon"/>, a cancelled command's channel stays open and its stderr pumped until that
    /// callback (given the stderr pump) is done: it may still need what the command prints first (its pid).
    /// </summary>
    public async Task<int> RunOnChannelAsync(
        SemaphoreSlim slots, string commandText, ReadOnlyMemory<byte>? stdin, Stream stdout, Stream stderr, CancellationToken cancellationToken, Func<Task, Task>? beforeAbandon = null)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            await slots.WaitAsync(cancellationToken);
        }
        catch
        {
            Interlocked.Decrement(ref _inFlight);
            throw;
        }

        SshCommand command;
        try
        {
            command = _client.CreateCommand(commandText);
        }
        catch
        {
            slots.Release();
            Interlocked.Decrement(ref _inFlight);
            throw;
        }

        var abandoned = false;
        // StartNew (not Task.Run) keeps Task<Task>: the outer task ends once the channel is open, so output is pumped while the command runs.
        var started = Task.Factory.StartNew(() => Start(command, stdin), CancellationToken.None, TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);
        using var stderrStop = beforeAbandon is null ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken) : new CancellationTokenSource();
        Task? stderrPump = null;
        try
        {
            var execution = await started.WaitAsync(cancellationToken);
            stderrPump = command.ExtendedOutputStream.CopyToAsync(stderr, stderrStop.Token);
            var pumps = Task.WhenAll(command.OutputStream.CopyToAsync(stdout, cancellationToken), stderrPump);
            await execution.WaitAsync(cancellationToken);
            await pumps.WaitAsync(cancellationToken);
            return command.ExitStatus ?? ExitCodes.FromSignal(command.ExitSignal);
        }
        catch (Exception e)
        {
            abandoned = true;
            if (beforeAbandon is not null && e is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                // Cancelled while the channel opened: the command may start all the same, and print its pid.
                stderrPump ??= started.ContinueWith(
                    _ => command.ExtendedOutputStream.CopyToAsync(stderr, stderrStop.Token), stderrStop.Token, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default).Unwrap();
                try
                {
                    await beforeAbandon(stderrPump);
                }
                finally
                {
                    await stderrStop.CancelAsync();
                }
            }

            _ = stderrPump?.ContinueWith(t => t.Exception, TaskScheduler.Default);
            _ = AbandonAsync(command, started).ContinueWith(_ => slots.Release(), TaskScheduler.Default);
            throw;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            if (!abandoned)
            {
                command.Dispose();
                slots.Release();
            }
        }
    }

    public void Dispose()
    {
        try
        {
            _client.Dispose();
            _jump?.Dispose();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Closing a broken connection may throw; there is nothing left to release.
        }
    }

    private static Task Start(SshCommand command, ReadOnlyMemory<byte>? stdin)
    {
        var execution = command.ExecuteAsync(CancellationToken.None);
        if (stdin is { } bytes)
        {
            using var input = command.CreateInputStream();
            input.Write(bytes.Span);
        }

        return execution;
    }

    private static async Task AbandonAsync(SshCommand command, Task<Task> started)
    {
        try
        {
            await started;
            // SIGTERM through the "signal" channel request (sshd signals the group), then close the channel; the kill script escalates to SIGKILL.
            command.CancelAsync(forceKill: false, millisecondsTimeout: 500);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The channel or the connection is already gone.
        }
        finally
        {
            command.Dispose();
        }
    }

    private async Task WatchAsync()
    {
        var interval = _aliveTimeout / 3;
        try
        {
            while (!_dead.IsCancellationRequested)
            {
                await Task.Delay(interval, _time, _dead.Token);
                if (Volatile.Read(ref _inFlight) > 0 && !await ProbeAsync())
                {
                    MarkDead($"it did not answer a probe within {_aliveTimeout.TotalSeconds:0.###} s (host frozen or network partitioned)");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Declared dead or disposed.
        }
    }

    private async Task<bool> ProbeAsync()
    {
        using var deadline = new CancellationTokenSource(_aliveTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, _dead.Token);
        try
        {
            return await RunOnChannelAsync(Control, "true", null, Stream.Null, Stream.Null, linked.Token) == 0;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            return false;
        }
    }
}
