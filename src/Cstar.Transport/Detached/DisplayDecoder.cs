using System.Text;

namespace Cstar.Transport.Detached;

/// <summary>
/// Decodes one stream's bytes as UTF-8 for display only, keeping a multi-byte sequence split across chunks
/// whole and replacing invalid bytes with U+FFFD. The stored bytes are never touched by it.
/// </summary>
internal sealed class DisplayDecoder
{
    private readonly Decoder _decoder = new UTF8Encoding(false, false).GetDecoder();

    public string Decode(ReadOnlySpan<byte> bytes, bool flush = false)
    {
        var chars = new char[_decoder.GetCharCount(bytes, flush)];
        var count = _decoder.GetChars(bytes, chars, flush);
        return new string(chars, 0, count);
    }
}
