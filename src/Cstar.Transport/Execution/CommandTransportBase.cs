using System.Text;
using Cstar.Core.Ports;

namespace Cstar.Transport.Execution;

/// <summary>
/// Everything the three adapters share: argv checks, output decoding of short commands, byte-exact streaming, and file transfer built from
/// fixed <c>sh</c> programs fed through standard input. An adapter implements one thing, <see cref="ExecuteAsync"/>:
/// run an argv with bytes in and bytes out, bounded by a timeout, killing the command when it expires.
/// </summary>
public abstract class CommandTransportBase : IDetachedRunTransport, IAsyncDisposable
{
    private static readonly UTF8Encoding Utf8 = new(false, false);

    public Task<CommandResult> RunAsync(string host, IReadOnlyList<string> argv, TimeSpan timeout, CancellationToken cancellationToken) =>
        RunCollectingAsync(host, argv, null, timeout, cancellationToken);

    public Task<int> RunStreamingAsync(string host, IReadOnlyList<string> argv, Func<OutputBytes, CancellationToken, ValueTask> onOutput, TimeSpan timeout, CancellationToken cancellationToken) =>
        StreamAsync(host, argv, null, onOutput, timeout, cancellationToken);

    public Task<int> RunStreamingAsync(
        string host, IReadOnlyList<string> argv, ReadOnlyMemory<byte> input, Func<OutputBytes, CancellationToken, ValueTask> onOutput, TimeSpan timeout, CancellationToken cancellationToken) =>
        StreamAsync(host, argv, input, onOutput, timeout, cancellationToken);

    public async Task<byte[]?> ReadFileAsync(string host, string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        CheckPath(path);
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();
        var exitCode = await ExecuteAsync(host, new Invocation(RemoteScripts.ReadArgv(path), null, stdout, stderr), timeout, cancellationToken);
        return exitCode switch
        {
            0 => stdout.ToArray(),
            RemoteScripts.MissingFileExitCode => null,
            _ => throw new IOException($"Could not read {path} on {host} (exit {exitCode}): {Utf8.GetString(stderr.ToArray()).Trim()}"),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Runs one command. Returns its exit code; throws <see cref="TransportException"/> (kind Timeout) when
    /// <paramref name="timeout"/> expires, <see cref="OperationCanceledException"/> on cancellation — in both
    /// cases only after the command was signalled (TERM/INT, then KILL after the grace period).
    /// </summary>
    protected abstract Task<int> ExecuteAsync(string host, Invocation invocation, TimeSpan timeout, CancellationToken cancellationToken);

    protected virtual ValueTask DisposeAsyncCore() => ValueTask.CompletedTask;

    private async Task<int> StreamAsync(
        string host, IReadOnlyList<string> argv, ReadOnlyMemory<byte>? input, Func<OutputBytes, CancellationToken, ValueTask> onOutput, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onOutput);
        CheckArgv(argv);
        await using var stdout = new OutputBytesStream(OutputStreamKind.StandardOutput, onOutput);
        await using var stderr = new OutputBytesStream(OutputStreamKind.StandardError, onOutput);
        return await ExecuteAsync(host, new Invocation(argv, input, stdout, stderr), timeout, cancellationToken);
    }

    private async Task<CommandResult> RunCollectingAsync(string host, IReadOnlyList<string> argv, ReadOnlyMemory<byte>? stdin, TimeSpan timeout, CancellationToken cancellationToken)
    {
        CheckArgv(argv);
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();
        var exitCode = await ExecuteAsync(host, new Invocation(argv, stdin, stdout, stderr), timeout, cancellationToken);
        return new CommandResult(exitCode, Utf8.GetString(stdout.GetBuffer(), 0, (int)stdout.Length), Utf8.GetString(stderr.GetBuffer(), 0, (int)stderr.Length));
    }

    private static void CheckArgv(IReadOnlyList<string> argv)
    {
        ArgumentNullException.ThrowIfNull(argv);
        if (argv.Count == 0 || argv.Any(a => a is null))
        {
            throw new ArgumentException("A command is a non-empty argv list without null elements.", nameof(argv));
        }
    }

    private static void CheckPath(string path)
    {
        if (string.IsNullOrEmpty(path) || path.EndsWith('/'))
        {
            throw new ArgumentException("A remote file path must name a file.", nameof(path));
        }
    }
}
