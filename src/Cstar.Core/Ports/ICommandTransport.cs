namespace Cstar.Core.Ports;

/// <summary>
/// Runs one command (an argv list, never a shell string) on one host and returns what it printed.
/// Implementations: SSH.NET, OpenSSH client, local process, and fakes in the TestKit.
/// Throws <see cref="TransportException"/> when the host cannot be reached.
/// </summary>
public interface ICommandTransport
{
    Task<CommandResult> RunAsync(string host, IReadOnlyList<string> argv, TimeSpan timeout, CancellationToken cancellationToken);
}
