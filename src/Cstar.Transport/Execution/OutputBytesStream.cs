using Cstar.Core.Ports;

namespace Cstar.Transport.Execution;

/// <summary>
/// A write-only stream that hands each write, bytes untouched, to a callback as an <see cref="OutputBytes"/>.
/// Nothing is decoded here: the stored output stays byte-exact. The asynchronous writes of a stream pump
/// (<c>CopyToAsync</c>) are handed over without a copy and without a thread hop: the bytes are valid during the
/// callback only (the pump reuses its buffer), which is all a synchronous consumer needs; the synchronous
/// <see cref="Write(ReadOnlySpan{byte})"/> hands over a copy.
/// </summary>
internal sealed class OutputBytesStream(OutputStreamKind kind, Action<OutputBytes> onOutput) : WriteOnlyStream
{
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!buffer.IsEmpty)
        {
            onOutput(new OutputBytes(kind, buffer.ToArray()));
        }
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!buffer.IsEmpty)
        {
            onOutput(new OutputBytes(kind, buffer));
        }

        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
}
