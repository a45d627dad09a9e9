using System.Buffers;
using System.Globalization;

namespace Cstar.Ring.Parsing;

/// <summary>Small span helpers shared by the parsers: whitespace words, numbers, percentages, loads.</summary>
internal static class SpanText
{
    /// <summary>Takes the next whitespace-separated word and advances <paramref name="rest"/> past it.</summary>
    public static ReadOnlySpan<char> NextWord(ref ReadOnlySpan<char> rest)
    {
        rest = rest.TrimStart();
        var end = 0;
        while (end < rest.Length && !char.IsWhiteSpace(rest[end]))
        {
            end++;
        }

        var word = rest[..end];
        rest = rest[end..];
        return word;
    }

    /// <summary>Takes the last whitespace-separated word and shortens <paramref name="rest"/> before it.</summary>
    public static ReadOnlySpan<char> LastWord(ref ReadOnlySpan<char> rest)
    {
        rest = rest.TrimEnd();
        var start = rest.Length;
        while (start > 0 && !char.IsWhiteSpace(rest[start - 1]))
        {
            start--;
        }

        var word = rest[start..];
        rest = rest[..start];
        return word;
    }

    public static bool IsLoadUnit(ReadOnlySpan<char> word) => word switch
    {
        "bytes" or "B" or "KB" or "MB" or "GB" or "TB" or "PB" or "KiB" or "MiB" or "GiB" or "TiB" or "PiB" => true,
        _ => false,
    };

    /// <summary>A decimal as nodetool prints it; nodetool follows the JVM locale, so ',' is a decimal mark too.</summary>
    public static bool TryParseDecimal(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 32)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ',')
            {
                c = '.';
            }
            else if (!char.IsAsciiDigit(c) && c != '.')
            {
                return false;
            }

            buffer[i] = c;
        }

        return double.TryParse(buffer, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Bytes for "101.8 KiB"-style loads (1024-based; KB/MB/GB were 1024-based in nodetool too).</summary>
    public static double LoadBytes(double number, ReadOnlySpan<char> unit) => number * unit switch
    {
        "KB" or "KiB" => 1024d,
        "MB" or "MiB" => 1024d * 1024,
        "GB" or "GiB" => 1024d * 1024 * 1024,
        "TB" or "TiB" => 1024d * 1024 * 1024 * 1024,
        "PB" or "PiB" => 1024d * 1024 * 1024 * 1024 * 1024,
        _ => 1d,
    };

    /// <summary>"100.0%" → 100.0; false for anything else ("?" is handled by the caller).</summary>
    public static bool TryParsePercent(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        return text.Length > 1 && text[^1] == '%' && TryParseDecimal(text[..^1], out value);
    }

    private static readonly SearchValues<char> TokenChars = SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    /// <summary>A token as nodetool prints it: an optionally negative integer (Murmur3, Random) or hex/bytes (ByteOrdered).</summary>
    public static bool IsToken(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text.Length > 200)
        {
            return false;
        }

        var digits = text[0] == '-' ? text[1..] : text;
        return !digits.IsEmpty && !digits.ContainsAnyExcept(TokenChars);
    }

    public static bool TryParseGuid(ReadOnlySpan<char> text, out Guid value)
    {
        value = Guid.Empty;
        return text.Length == 36 && Guid.TryParseExact(text, "D", out value);
    }

    public static bool TryParseInt(ReadOnlySpan<char> text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
