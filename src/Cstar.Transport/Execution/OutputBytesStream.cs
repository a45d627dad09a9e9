using Cstar.Core.Ports;

namespace Cstar.Transport.Execution;

/// <summary>
/// A write-only stream that hands each write, bytes untouched, to a callback as an <see cref="OutputBytes"/>
/// (a copy: the caller reuses its buffer). Nothing is decoded here: the stored output stays byte-exact.
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
}
