using System.Collections.Concurrent;
using System.Text;
using Cstar.Core.Ports;

namespace Cstar.TestKit;

/// <summary>
/// A transport that answers from a table: (host, command line) → result or failure. Records every call.
/// <see cref="Hold"/> keeps an answer back until other commands have been asked: a way to prove calls run at once.
/// Streamed calls get the answer in chunks of <see cref="StreamChunkBytes"/> through one reused buffer that is
/// scribbled over after each hand-over, as a real transport reuses its buffer: a consumer that kept a chunk to read it
/// later reads '#'. <see cref="Cut"/> ends a stream with a dropped connection part way.
/// </summary>
public sealed class FakeTransport : IStreamingCommandTransport
{
    private readonly ConcurrentDictionary<(string Host, string CommandLine), Func<CommandResult>> _answers = new();
    private readonly ConcurrentDictionary<(string Host, string CommandLine), int> _cuts = new();
    private readonly List<(string Host, string CommandLine, string[] Until, TaskCompletionSource Released)> _holds = [];

    public ConcurrentQueue<(string Host, IReadOnlyList<string> Argv)> Calls { get; } = new();

    /// <summary>The command lines asked through <see cref="RunStreamingAsync"/> (the others were asked for their whole output).</summary>
    public ConcurrentQueue<string> Streamed { get; } = new();

    /// <summary>The command lines whose call has ended (answered, failed or cancelled), in the order they ended.</summary>
    public ConcurrentQueue<string> Ended { get; } = new();

    public int StreamChunkBytes { get; init; } = 61;

    public FakeTransport Answer(string host, string commandLine, string stdout, int exitCode = 0, string stderr = "")
    {
        _answers[(host, commandLine)] = () => new CommandResult(exitCode, stdout, stderr);
        return this;
    }

    public FakeTransport Fail(string host, string commandLine, TransportFailureKind kind, string message)
    {
        _answers[(host, commandLine)] = () => throw new TransportException(host, kind, message);
        return this;
    }

    /// <summary>A streamed <paramref name="commandLine"/> hands over the first <paramref name="bytes"/> of its stdout, then the connection drops (its whole output is never given).</summary>
    public FakeTransport Cut(string host, string commandLine, int bytes)
    {
        _cuts[(host, commandLine)] = bytes;
        return this;
    }

    /// <summary>The answer to <paramref name="commandLine"/> on <paramref name="host"/> waits until every one of <paramref name="until"/> was asked there (or the call is cancelled).</summary>
    public FakeTransport Hold(string host, string commandLine, params string[] until)
    {
        lock (_holds)
        {
            _holds.Add((host, commandLine, until, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)));
        }

        return this;
    }

    public async Task<CommandResult> RunAsync(string host, IReadOnlyList<string> argv, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var result = await AnswerAsync(host, argv, cancellationToken).ConfigureAwait(false);
        return _cuts.ContainsKey((host, string.Join(' ', argv))) ? throw Dropped(host) : result;
    }

    public async Task<int> RunStreamingAsync(string host, IReadOnlyList<string> argv, Func<OutputBytes, CancellationToken, ValueTask> onOutput, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onOutput);
        Streamed.Enqueue(string.Join(' ', argv));
        var result = await AnswerAsync(host, argv, cancellationToken).ConfigureAwait(false);
        var stdout = Encoding.UTF8.GetBytes(result.StandardOutput);
        var cut = _cuts.TryGetValue((host, string.Join(' ', argv)), out var at);
        await HandOverAsync(OutputStreamKind.StandardOutput, cut ? stdout.AsMemory(0, at) : stdout, onOutput, cancellationToken).ConfigureAwait(false);
        if (cut)
        {
            throw Dropped(host);
        }

        await HandOverAsync(OutputStreamKind.StandardError, Encoding.UTF8.GetBytes(result.StandardError), onOutput, cancellationToken).ConfigureAwait(false);
        return result.ExitCode;
    }

    private static TransportException Dropped(string host) => new(host, TransportFailureKind.Disconnected, $"FakeTransport: connection to {host} dropped mid-output");

    private async Task HandOverAsync(OutputStreamKind stream, ReadOnlyMemory<byte> bytes, Func<OutputBytes, CancellationToken, ValueTask> onOutput, CancellationToken cancellationToken)
    {
        var buffer = new byte[Math.Max(1, StreamChunkBytes)];
        for (var at = 0; at < bytes.Length; at += buffer.Length)
        {
            var count = Math.Min(buffer.Length, bytes.Length - at);
            bytes.Slice(at, count).CopyTo(buffer);
            await onOutput(new OutputBytes(stream, buffer.AsMemory(0, count)), cancellationToken).ConfigureAwait(false);
            buffer.AsSpan().Fill((byte)'#');
        }
    }

    private async Task<CommandResult> AnswerAsync(string host, IReadOnlyList<string> argv, CancellationToken cancellationToken)
    {
        try
        {
            return await HeldAnswerAsync(host, argv, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Ended.Enqueue(string.Join(' ', argv));
        }
    }

    private async Task<CommandResult> HeldAnswerAsync(string host, IReadOnlyList<string> argv, CancellationToken cancellationToken)
    {
        Calls.Enqueue((host, argv));
        var key = (host, string.Join(' ', argv));
        Task? held = null;
        lock (_holds)
        {
            var asked = Calls.Where(c => c.Host == host).Select(c => string.Join(' ', c.Argv)).ToHashSet(StringComparer.Ordinal);
            foreach (var hold in _holds.Where(h => h.Host == host && h.Until.All(asked.Contains)))
            {
                hold.Released.TrySetResult();
            }

            held = _holds.FirstOrDefault(h => h.Host == host && h.CommandLine == key.Item2).Released?.Task;
        }

        if (held is not null)
        {
            await held.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_answers.TryGetValue(key, out var answer) || _answers.TryGetValue((host, "*"), out answer))
        {
            return answer();
        }

        throw new TransportException(host, TransportFailureKind.ConnectionRefused, $"FakeTransport: no answer for '{key.Item2}' on {host}");
    }
}
