using System.Collections.Concurrent;
using Cstar.Core.Ports;

namespace Cstar.TestKit;

/// <summary>
/// A transport that answers from a table: (host, command line) → result or failure. Records every call.
/// </summary>
public sealed class FakeTransport : ICommandTransport
{
    private readonly ConcurrentDictionary<(string Host, string CommandLine), Func<CommandResult>> _answers = new();

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

    public Task<CommandResult> RunAsync(string host, IReadOnlyList<string> argv, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Calls.Enqueue((host, argv));
        var key = (host, string.Join(' ', argv));
        if (_answers.TryGetValue(key, out var answer) || _answers.TryGetValue((host, "*"), out answer))
        {
            return Task.FromResult(answer());
        }

        throw new TransportException(host, TransportFailureKind.ConnectionRefused, $"FakeTransport: no answer for '{key.Item2}' on {host}");
    }
}
