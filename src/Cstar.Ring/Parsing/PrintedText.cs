namespace Cstar.Ring.Parsing;

/// <summary>
/// Compares printed text with what cstar already parsed, for the repeated lines of a large ring: text equal to the
/// canonical printing of parsed values parses back to those same values, so it need not be parsed again. Anything
/// else (another order, spacing, a non-canonical address) is simply not equal and goes through the full parse.
/// </summary>
internal static class PrintedText
{
    private const string Separator = ", ";

    /// <summary>True when <paramref name="text"/> is exactly <paramref name="items"/> joined by ", ".</summary>
    public static bool IsList(ReadOnlySpan<char> text, ReadOnlySpan<string> items)
    {
        for (var i = 0; i < items.Length; i++)
        {
            if (i > 0)
            {
                if (!text.StartsWith(Separator, StringComparison.Ordinal))
                {
                    return false;
                }

                text = text[Separator.Length..];
            }

            var item = items[i];
            if (!text.StartsWith(item, StringComparison.Ordinal))
            {
                return false;
            }

            text = text[item.Length..];
        }

        return text.IsEmpty;
    }

    /// <summary>True when <paramref name="text"/> is exactly the printing of each item (from <paramref name="printed"/>) joined by ", ".</summary>
    public static bool IsList(ReadOnlySpan<char> text, ReadOnlySpan<string> items, Dictionary<string, string> printed)
    {
        for (var i = 0; i < items.Length; i++)
        {
            if (i > 0)
            {
                if (!text.StartsWith(Separator, StringComparison.Ordinal))
                {
                    return false;
                }

                text = text[Separator.Length..];
            }

            if (!printed.TryGetValue(items[i], out var item) || !text.StartsWith(item, StringComparison.Ordinal))
            {
                return false;
            }

            text = text[item.Length..];
        }

        return text.IsEmpty;
    }
}
