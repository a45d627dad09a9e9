using Cstar.Core.Ports;

namespace Cstar.Benchmarks.Engine;

/// <summary>Counts the nodetool calls (and all commands) that go through a transport, for the engine benchmark.</summary>
internal sealed class CountingTransport(IDetachedRunTransport inner) : IDetachedRunTransport, IConnectionWarmup
{
    private int _nodetool;
    private int _commands;

    public int NodetoolCalls => Volatile.Read(ref _nodetool);

    public int Commands => Volatile.Read(ref _commands);

    public void Reset()
    {
        Interlocked.Exchange(ref _nodetool, 0);
        Interlocked.Exchange(ref _commands, 0);
    }

    public Task WarmAsync(string host, CancellationToken cancellationToken) =>
        inner is IConnectionWarmup warmup ? warmup.WarmAsync(host, cancellationToken) : Task.CompletedTask;

    public Task<CommandResult> RunAsync(string host, IReadOnlyList<string> argv, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _commands);
        if (argv.Count > 0 && argv[0] == "nodetool")
        {
            Interlocked.Increment(ref _nodetool);
        }

        return inner.RunAsync(host, argv, timeout, cancellationToken);
    }

    public Task<byte[]?> ReadFileAsync(string host, string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _commands);
        return inner.ReadFileAsync(host, path, timeout, cancellationToken);
    }

    public Task<int> RunStreamingAsync(string host, IReadOnlyList<string> argv, Func<OutputBytes, CancellationToken, ValueTask> onOutput, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _commands);
        return inner.RunStreamingAsync(host, argv, onOutput, timeout, cancellationToken);
    }

    public Task<int> RunStreamingAsync(
        string host, IReadOnlyList<string> argv, ReadOnlyMemory<byte> input, Func<OutputBytes, CancellationToken, ValueTask> onOutput, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _commands);
        return inner.RunStreamingAsync(host, argv, input, onOutput, timeout, cancellationToken);
    }
}
