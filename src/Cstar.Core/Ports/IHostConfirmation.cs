using Cstar.Core.Execution;

namespace Cstar.Core.Ports;

/// <summary>
/// Asks the operator before each host starts (<c>--confirm</c>). Called by the runner loop only, before the host's
/// Starting is recorded, one host at a time. Cancelling the token (Ctrl+C) abandons the question.
/// </summary>
public interface IHostConfirmation
{
    Task<ConfirmAnswer> ConfirmAsync(HostPlacement host, CancellationToken cancellationToken);
}
