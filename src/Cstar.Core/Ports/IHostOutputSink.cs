using Cstar.Core.Jobs;

namespace Cstar.Core.Ports;

/// <summary>
/// Where a host runner hands the output of a host's command, bytes exactly as they arrived (invalid UTF-8 and NULs
/// included). The job loop owns what is behind it (the host's <c>out</c>/<c>err</c> files, its <c>status</c>, the
/// display): a runner only writes. A write returns once the bytes are stored, so a runner that awaits each write
/// before reading more is held back by the disk, never by the console, and holds one chunk at a time.
/// </summary>
public interface IHostOutputSink
{
    /// <summary>Bytes already stored for the channel: on resume, fetch the remote output from here on.</summary>
    long StoredLength(OutputChannel channel);

    /// <summary>Stores the bytes (the caller may reuse its buffer once this completes) and queues them for display.</summary>
    ValueTask WriteAsync(OutputBytes bytes, CancellationToken cancellationToken);
}
