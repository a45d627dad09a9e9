using System.Text;

namespace Cstar.Core.Execution;

/// <summary>
/// Decodes one stream's bytes as UTF-8 for display only, keeping a multi-byte sequence split across chunks
/// whole and replacing invalid bytes with U+FFFD. The stored bytes are never touched by it. Text comes out in
/// pieces of at most <see cref="MaxPieceBytes"/> bytes' worth (strings under the large-object threshold, so a
/// host printing gigabytes leaves only short-lived small objects behind) through one reused buffer.
/// </summary>
internal sealed class DisplayDecoder
{
    public const int MaxPieceBytes = 16 * 1024;
    private readonly Decoder _decoder = new UTF8Encoding(false, false).GetDecoder();
    private readonly char[] _chars = new char[Encoding.UTF8.GetMaxCharCount(MaxPieceBytes) + 4];

    public void Decode(ReadOnlySpan<byte> bytes, Action<string> onText, bool flush = false)
    {
        do
        {
            var piece = bytes[..Math.Min(bytes.Length, MaxPieceBytes)];
            bytes = bytes[piece.Length..];
            var count = _decoder.GetChars(piece, _chars, flush && bytes.IsEmpty);
            if (count > 0)
            {
                onText(new string(_chars, 0, count));
            }
        }
        while (!bytes.IsEmpty);
    }
}
