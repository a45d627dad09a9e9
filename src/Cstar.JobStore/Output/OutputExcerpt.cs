using System.Text;

namespace Cstar.JobStore.Output;

/// <summary>
/// A bounded view of a stored output for the end-of-job summary: the whole text when it is short, else its first
/// and last lines (at most <see cref="Lines"/> lines and <see cref="WindowBytes"/> bytes each) and how many bytes
/// lie between them. Reads two windows of the file, never more, whatever its size. Decoded for display only.
/// </summary>
public sealed record OutputExcerpt(string Head, long SkippedBytes, string Tail, long Length)
{
    public const int Lines = 30;
    public const int WindowBytes = 8 * 1024;

    public bool IsWhole => SkippedBytes == 0;

    public static OutputExcerpt Of(string path)
    {
        if (!File.Exists(path))
        {
            return new OutputExcerpt(string.Empty, 0, string.Empty, 0);
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        var length = file.Length;
        var head = ReadAt(file, 0, (int)Math.Min(length, WindowBytes));
        var tailStart = Math.Max(0, length - WindowBytes);
        var tail = ReadAt(file, tailStart, (int)(length - tailStart));
        var headEnd = HeadEnd(head, whole: head.Length == length);
        var tailFrom = tailStart + TailStart(tail, atFileStart: tailStart == 0);
        if (headEnd >= tailFrom)
        {
            var whole = tailStart == 0 ? tail : [.. head, .. tail.AsSpan((int)(head.Length - tailStart))];
            return new OutputExcerpt(Display(whole), 0, string.Empty, length);
        }

        return new OutputExcerpt(Display(head.AsSpan(0, headEnd)), tailFrom - headEnd, Display(tail.AsSpan((int)(tailFrom - tailStart))), length);
    }

    /// <summary>Where the head ends: after its <see cref="Lines"/>-th line, else after the last whole line in the window, else at the window's end.</summary>
    private static int HeadEnd(byte[] window, bool whole)
    {
        var end = 0;
        for (var line = 0; line < Lines; line++)
        {
            var newline = window.AsSpan(end).IndexOf((byte)'\n');
            if (newline < 0)
            {
                return whole || end == 0 ? window.Length : end;
            }

            end += newline + 1;
        }

        return end;
    }

    /// <summary>Where the tail starts in its window: at its last <see cref="Lines"/> lines, else at the first whole line in the window, else at the window's start.</summary>
    private static int TailStart(byte[] window, bool atFileStart)
    {
        var searchEnd = window.Length > 0 && window[^1] == '\n' ? window.Length - 1 : window.Length;
        for (var line = 0; line < Lines; line++)
        {
            var newline = window.AsSpan(0, searchEnd).LastIndexOf((byte)'\n');
            if (newline < 0)
            {
                return atFileStart || line == 0 ? 0 : searchEnd + 1;
            }

            searchEnd = newline;
        }

        return searchEnd + 1;
    }

    private static byte[] ReadAt(FileStream file, long offset, int count)
    {
        var bytes = new byte[count];
        file.Position = offset;
        file.ReadExactly(bytes);
        return bytes;
    }

    private static string Display(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}
