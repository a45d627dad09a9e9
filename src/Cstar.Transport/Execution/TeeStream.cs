namespace Cstar.Transport.Execution;

/// <summary>Writes everything to two streams: the caller's, and a copy kept to explain an ssh failure.</summary>
internal sealed class TeeStream(Stream first, Stream second) : WriteOnlyStream
{
    private const int MaxCopy = 64 * 1024;

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        first.Write(buffer);
        if (second.Length < MaxCopy)
        {
            second.Write(buffer);
        }
    }

    public override void Flush() => first.Flush();
}
