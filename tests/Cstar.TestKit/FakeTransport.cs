using System.Collections.Concurrent;
using Cstar.Core.Ports;

namespace Cstar.TestKit;

/// <summary>
/// A transport that answers from a table: (host, command line) → result or failure. Records every call.
/// <see cref="Hold"/> keeps an answer back until other commands have been asked: a way to prove calls run at once.
/// </summary>
public sealed class FakeTransport : ICommandTransport
{
    private readonly ConcurrentDictionary<(string Host, string CommandLine), Func<CommandResult>> _answers = new();
    private readonly List<(string Host, string CommandLine, string[] Until, TaskCompletionSource Released)> _holds = [];

    public ConcurrentQueue<(string Host, IReadOnlyList<string> Argv)> Calls { get; } = new();

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
