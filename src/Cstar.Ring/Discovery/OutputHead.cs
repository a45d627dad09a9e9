using System.Text;
using Cstar.Core.Ports;

namespace Cstar.Ring.Discovery;

/// <summary>
/// The first <see cref="Chars"/> of a command's stdout and stderr: enough to tell why it failed (nodetool's error line),
/// bounded however much it printed.
/// </summary>
internal sealed class OutputHead
{
    public const int Chars = 16 * 1024;

    private readonly Decoder _stderrDecoder = new UTF8Encoding(false, false).GetDecoder();
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    /// <summary>Stdout as the caller decoded it.</summary>
    public void KeepStdout(ReadOnlySpan<char> text) => Keep(_stdout, text);

    public void KeepStderr(ReadOnlySpan<byte> bytes)
    {
        if (_stderr.Length < Chars)
        {
            var chars = new char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
            Keep(_stderr, chars.AsSpan(0, _stderrDecoder.GetChars(bytes, chars, flush: false)));
        }
    }

    public CommandResult Result(int exitCode) => new(exitCode, _stdout.ToString(), _stderr.ToString());

    private static void Keep(StringBuilder head, ReadOnlySpan<char> text)
    {
        if (head.Length < Chars)
        {
            head.Append(text[..Math.Min(text.Length, Chars - head.Length)]);
        }
    }
}
