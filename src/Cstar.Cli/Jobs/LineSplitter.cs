using System.Text;

namespace Cstar.Cli.Jobs;

/// <summary>
/// Cuts one stream's text, as it arrives in chunks, into lines for --ip-label: a line split across chunks is
/// joined, "\r\n" ends a line like "\n", the unfinished last line waits for the next chunk (or <see cref="Flush"/>).
/// Linear in the text: each character is copied once or twice whatever the chunking, and a line longer than
/// <see cref="MaxLineChars"/> is handed on in pieces of that size, so memory stays bounded on output without newlines.
/// </summary>
internal sealed class LineSplitter
{
    public const int MaxLineChars = 64 * 1024;
    private readonly StringBuilder _partial = new();

    /// <summary>Hands every line the chunk completes to <paramref name="onLine"/> (without its line end).</summary>
    public void Push(string text, Action<string> onLine)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(onLine);
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            if (newline < 0)
            {
                AppendPartial(text.AsSpan(start), onLine);
                return;
            }

            if (_partial.Length == 0)
            {
                onLine(WithoutCarriageReturn(text.AsSpan(start, newline - start)).ToString());
            }
            else
            {
                _partial.Append(text.AsSpan(start, newline - start));
                onLine(TakePartial());
            }

            start = newline + 1;
        }
    }

    /// <summary>The stream ended: its last line, if it had no newline, or null.</summary>
    public string? Flush() => _partial.Length == 0 ? null : TakePartial();

    private void AppendPartial(ReadOnlySpan<char> rest, Action<string> onLine)
    {
        while (_partial.Length + rest.Length > MaxLineChars)
        {
            var room = MaxLineChars - _partial.Length;
            _partial.Append(rest[..room]);
            rest = rest[room..];
            onLine(_partial.ToString());
            _partial.Clear();
        }

        _partial.Append(rest);
    }

    private string TakePartial()
    {
        var length = _partial.Length > 0 && _partial[^1] == '\r' ? _partial.Length - 1 : _partial.Length;
        var line = _partial.ToString(0, length);
        _partial.Clear();
        return line;
    }

    private static ReadOnlySpan<char> WithoutCarriageReturn(ReadOnlySpan<char> line) => line.Length > 0 && line[^1] == '\r' ? line[..^1] : line;
}
