using System.Text;
using Cstar.Core.Ports;

namespace Cstar.Transport.Execution;

/// <summary>
/// A write-only stream that decodes bytes as UTF-8 (keeping split multi-byte sequences across writes,
/// replacing invalid bytes with U+FFFD) and hands each piece to a callback as an <see cref="OutputChunk"/>.
/// </summary>
internal sealed class ChunkDecodingStream(OutputStreamKind kind, Action<OutputChunk> onOutput) : WriteOnlyStream
{
    private readonly Decoder _decoder = new UTF8Encoding(false, false).GetDecoder();

    public override void Write(ReadOnlySpan<byte> buffer) => Emit(buffer, flush: false);

    /// <summary>Emits what a truncated multi-byte sequence left in the decoder.</summary>
    public void Complete() => Emit(ReadOnlySpan<byte>.Empty, flush: true);

    private void Emit(ReadOnlySpan<byte> bytes, bool flush)
    {
        var chars = new char[_decoder.GetCharCount(bytes, flush)];
        var count = _decoder.GetChars(bytes, chars, flush);
        if (count > 0)
        {
            onOutput(new OutputChunk(kind, new string(chars, 0, count)));
        }
    }
}
