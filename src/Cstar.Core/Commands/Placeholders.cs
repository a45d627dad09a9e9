using System.Collections.Immutable;
using System.Text;

namespace Cstar.Core.Commands;

/// <summary>
/// The <c>{{name}}</c> placeholders of <c>--hosts-variables</c>, found in ONE left-to-right pass: a name is one
/// or more characters other than braces between <c>{{</c> and <c>}}</c>. Values are inserted as they are and
/// never scanned again, so a value holding <c>{{other}}</c> (or <c>{}</c> for cstarpar) stays literal: no
/// recursive substitution, no way for one host's value to pull in another variable.
/// </summary>
public static class Placeholders
{
    /// <summary>
    /// Replaces each placeholder whose <paramref name="value"/> is not null. Everything else — the text between
    /// placeholders and unknown placeholders, left as written — goes through <paramref name="literal"/> (identity
    /// when null), so a caller can apply its own substitutions to the literal text only.
    /// </summary>
    public static string Replace(string text, Func<string, string?> value, Func<string, string>? literal = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(value);
        literal ??= static s => s;
        var result = new StringBuilder(text.Length);
        var run = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (TryReadAt(text, i, out var name, out var length) && value(name) is { } replacement)
            {
                result.Append(literal(run.ToString())).Append(replacement);
                run.Clear();
                i += length;
                continue;
            }

            run.Append(text[i]);
            i++;
        }

        return result.Append(literal(run.ToString())).ToString();
    }

    /// <summary>The names of the placeholders in <paramref name="text"/>, each once, in ordinal order.</summary>
    public static ImmutableSortedSet<string> NamesIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var names = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        var i = 0;
        while (i < text.Length)
        {
            if (TryReadAt(text, i, out var name, out var length))
            {
                names.Add(name);
                i += length;
            }
            else
            {
                i++;
            }
        }

        return names.ToImmutable();
    }

    /// <summary>A variable name can be written as a placeholder: not empty, no brace.</summary>
    public static bool IsValidName(string? name) => !string.IsNullOrEmpty(name) && name.IndexOfAny(['{', '}']) < 0;

    private static bool TryReadAt(string text, int start, out string name, out int length)
    {
        name = string.Empty;
        length = 0;
        if (string.CompareOrdinal(text, start, "{{", 0, 2) != 0)
        {
            return false;
        }

        var end = start + 2;
        while (end < text.Length && text[end] is not ('{' or '}'))
        {
            end++;
        }

        if (end == start + 2 || string.CompareOrdinal(text, end, "}}", 0, 2) != 0)
        {
            return false;
        }

        name = text[(start + 2)..end];
        length = end + 2 - start;
        return true;
    }
}
