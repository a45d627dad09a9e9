using Cstar.Core.Jobs;

namespace Cstar.Core.Ports;

/// <summary>
/// Streams one host's output to the store while the host runs: chunks are appended as they arrive
/// (nothing is held back until the end), then the exit status is written.
/// </summary>
public interface IHostOutputWriter : IDisposable
{
    /// <summary>Bytes already stored for the channel: on resume, fetch the remote output from here on.</summary>
    long StoredLength(OutputChannel channel);

    void Append(OutputChannel channel, ReadOnlySpan<byte> chunk);

    /// <summary>Writes the exit code as text (the cstar <c>status</c> file) and makes the outputs durable.</summary>
    void WriteStatus(int exitCode);
}
