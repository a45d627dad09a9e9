using Cstar.Core.Ports;

namespace Cstar.TestKit;

/// <summary>Hides whether <paramref name="inner"/> can stream: every command is asked for its whole output, as from a transport that only collects.</summary>
public sealed class CollectingOnlyTransport(ICommandTransport inner) : ICommandTransport
{
    public Task<CommandResult> RunAsync(string host, IReadOnlyList<string> argv, TimeSpan timeout, CancellationToken cancellationToken) =>
        inner.RunAsync(host, argv, timeout, cancellationToken);
}
