using System.Collections.Concurrent;
using Cstar.Core.Execution;
using Cstar.Core.Ports;

namespace Cstar.TestKit.Execution;

/// <summary>Answers --confirm questions from a script, in order; records every host asked about. No answer left: quit.</summary>
public sealed class ScriptedConfirmation(params ConfirmAnswer[] answers) : IHostConfirmation
{
    private readonly ConcurrentQueue<ConfirmAnswer> _answers = new(answers);

    public ConcurrentQueue<string> Asked { get; } = new();

    /// <summary>Called with each host as it is asked about (e.g. to check what the store says at that moment).</summary>
    public Action<string>? OnAsk { get; set; }

    public Task<ConfirmAnswer> ConfirmAsync(HostPlacement host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        Asked.Enqueue(host.Host);
        OnAsk?.Invoke(host.Host);
        return Task.FromResult(_answers.TryDequeue(out var answer) ? answer : ConfirmAnswer.Quit);
    }
}
