namespace Cstar.Transport.Execution;

/// <summary>Writes everything to two streams: the caller's, and a copy kept to explain an ssh failure.</summary>
internal sealed class TeeStream(Stream first, Stream second) : Stream
{
    private const int MaxCopy = 64 * 1024;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        first.Write(buffer);
        if (second.Length < MaxCopy)
        {
            second.Write(buffer);
        }
    }

    public override void Flush() => first.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
