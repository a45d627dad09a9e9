using Cstar.Core.Ports;

namespace Cstar.Transport.Execution;

/// <summary>
/// A write-only stream that hands each write, bytes untouched, to a callback as an <see cref="OutputBytes"/>, and
/// completes the write only when the callback did: a stream pump (<c>CopyToAsync</c>) reads its next chunk only then,
/// so output is back-pressured by its consumer. The asynchronous writes hand the pump's buffer over without a copy
/// (valid during the callback only); the synchronous <see cref="Write(ReadOnlySpan{byte})"/> hands over a copy and waits.
/// Nothing is decoded here: the stored output stays byte-exact.
/// </summary>
internal sealed class OutputBytesStream(OutputStreamKind kind, Func<OutputBytes, CancellationToken, ValueTask> onOutput) : WriteOnlyStream
{
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!buffer.IsEmpty)
        {
            onOutput(new OutputBytes(kind, buffer.ToArray()), CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        return buffer.IsEmpty ? ValueTask.CompletedTask : onOutput(new OutputBytes(kind, buffer), cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
}
