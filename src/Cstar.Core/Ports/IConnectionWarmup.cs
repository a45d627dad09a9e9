namespace Cstar.Core.Ports;

/// <summary>
/// A transport that keeps connections can open one ahead of its first command (the SSH handshake is the slow part of
/// a first command), so hosts that start together start within moments of each other. Never throws for an
/// unreachable host: the first real command reports it.
/// </summary>
public interface IConnectionWarmup
{
    Task WarmAsync(string host, CancellationToken cancellationToken);
}
