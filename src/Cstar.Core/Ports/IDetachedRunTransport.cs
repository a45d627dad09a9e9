namespace Cstar.Core.Ports;

/// <summary>
/// The few primitives a detached (attach-or-start) remote run needs on top of <see cref="IStreamingCommandTransport"/>:
/// read back its pid/status/output files, and run a long command whose output arrives while it runs (the script
/// travels on that command's input). Paths are remote paths (relative ones are relative to the login directory).
/// Every call is bounded by its timeout; a timed-out or cancelled command is killed on the host.
/// </summary>
public interface IDetachedRunTransport : IStreamingCommandTransport
{
    /// <summary>Reads a whole file; <c>null</c> when it does not exist (a missing status file is an expected answer).</summary>
    Task<byte[]?> ReadFileAsync(string host, string path, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="IStreamingCommandTransport.RunStreamingAsync"/>, with <paramref name="input"/> as the command's standard input (then its end): how a run
    /// hands the host its script and secrets in the same round trip that starts it, never on an argv.
    /// </summary>
    Task<int> RunStreamingAsync(
        string host, IReadOnlyList<string> argv, ReadOnlyMemory<byte> input, Func<OutputBytes, CancellationToken, ValueTask> onOutput, TimeSpan timeout, CancellationToken cancellationToken);
}
