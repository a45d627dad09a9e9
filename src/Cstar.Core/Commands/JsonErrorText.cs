using System.Globalization;
using System.Text.Json;

namespace Cstar.Core.Commands;

/// <summary>
/// A JSON syntax error as an operator reads it: where (line and position, counted from 1) and what, without
/// .NET's "LineNumber: 0 | BytePositionInLine: 12." tail nor its advice to "Change the reader options" (which
/// speaks to a programmer, not to whoever wrote the file).
/// </summary>
public static class JsonErrorText
{
    public static string Where(JsonException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.LineNumber is { } line
            ? string.Create(CultureInfo.InvariantCulture, $"line {line + 1}, position {(error.BytePositionInLine ?? 0) + 1}")
            : "somewhere";
    }

    public static string What(JsonException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var text = error.Message.Split(" LineNumber:", 2)[0].Trim();
        foreach (var advice in (string[])[" Change the reader options.", " which is not supported in this mode"])
        {
            text = text.Replace(advice, string.Empty, StringComparison.Ordinal);
        }

        return text.TrimEnd().TrimEnd('.');
    }
}
