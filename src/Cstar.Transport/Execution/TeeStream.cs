namespace Cstar.Transport.Execution;

/// <summary>Writes everything to two streams: the caller's, and a copy kept to explain an ssh failure.</summary>
internal sealed class TeeStream(Stream first, Stream second) : WriteOnlyStream
{
    private const int MaxCopy = 64 * 1024;

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        first.Write(buffer);
        Copy(buffer);
    }

    /// <summary>Waits for the caller's stream (its back-pressure reaches the pump); the copy is a bounded memory stream.</summary>
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await first.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        Copy(buffer.Span);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => first.Flush();

    private void Copy(ReadOnlySpan<byte> buffer)
    {
        if (second.Length < MaxCopy)
        {
            second.Write(buffer);
        }
    }
}
