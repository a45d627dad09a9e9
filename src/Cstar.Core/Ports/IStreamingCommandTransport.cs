namespace Cstar.Core.Ports;

/// <summary>
/// A transport that can hand a command's output over while it runs, so a large output (a 1,000-node ring's
/// 'nodetool describering' is hundreds of MB) is read piece by piece and never held whole.
/// </summary>
public interface IStreamingCommandTransport : ICommandTransport
{
    /// <summary>
    /// Runs a command and hands its output, bytes as they are, to <paramref name="onOutput"/> as it arrives; returns the
    /// exit code. Each stream's next chunk is read only once the previous hand-over completed (back-pressure: a slow
    /// consumer slows the reading, nothing piles up); the bytes are valid until then only (copy to keep).
    /// </summary>
    Task<int> RunStreamingAsync(string host, IReadOnlyList<string> argv, Func<OutputBytes, CancellationToken, ValueTask> onOutput, TimeSpan timeout, CancellationToken cancellationToken);
}
