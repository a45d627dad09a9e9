using System.Globalization;
using System.Text;

namespace Cstar.Cli.Jobs;

/// <summary>
/// What -v prints of one host's output when the host ends: all of it when short, else its first and last
/// <see cref="KeptChars"/> characters with a line saying how much was left out and where the whole output is.
/// Memory is bounded (about 3 x <see cref="KeptChars"/> characters per running host) whatever the host prints.
/// </summary>
internal sealed class VerboseOutputBuffer
{
    public const int KeptChars = 32 * 1024;
    private readonly StringBuilder _head = new();
    private readonly StringBuilder _tail = new();
    private long _skipped;

    public bool IsEmpty => _head.Length == 0;

    public void Append(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var toHead = Math.Min(text.Length, KeptChars - _head.Length);
        _head.Append(text, 0, toHead);
        _tail.Append(text, toHead, text.Length - toHead);
        if (_tail.Length > 2 * KeptChars)
        {
            Drop(_tail.Length - KeptChars);
        }
    }

    /// <summary>The text to print, ending with a newline; <paramref name="hostFolder"/> holds the whole output (files out and err).</summary>
    public string Render(string hostFolder)
    {
        if (_tail.Length > KeptChars)
        {
            Drop(_tail.Length - KeptChars);
        }

        var text = new StringBuilder().Append(_head);
        if (_skipped > 0)
        {
            EndLine(text).Append(CultureInfo.InvariantCulture, $"[... {_skipped:N0} characters not shown; the full output is in {hostFolder}/out and err ...]\n");
        }

        return EndLine(text.Append(_tail)).ToString();
    }

    private void Drop(int count)
    {
        _tail.Remove(0, count);
        _skipped += count;
    }

    private static StringBuilder EndLine(StringBuilder text) => text.Length > 0 && text[^1] != '\n' ? text.Append('\n') : text;
}
