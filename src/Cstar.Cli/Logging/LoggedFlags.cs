using System.Text.Json;
using Cstar.Core.Jobs;

namespace Cstar.Cli.Logging;

/// <summary>
/// What the log may say about how a job was asked for: the job flags with the value of any password-, secret- or
/// token-like flag masked, and each command argument by name with its literal value — a secret argument shows
/// only where its value comes from (the environment variable's name), never the value.
/// </summary>
internal static class LoggedFlags
{
    private const string Mask = "***";
    private static readonly string[] SensitiveWords = ["password", "passwd", "secret", "token", "credential"];

    /// <summary>The flag words stored with the job (JSON array), masked; the raw text if it is not such an array.</summary>
    public static IReadOnlyList<string> FromStored(string storedFlagWords)
    {
        string[]? words;
        try
        {
            words = JsonSerializer.Deserialize<string[]>(storedFlagWords);
        }
        catch (JsonException)
        {
            words = null;
        }

        return words is null ? [Mask] : Masked(words);
    }

    public static IReadOnlyList<string> Masked(IReadOnlyList<string> words)
    {
        var masked = new List<string>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            if (word.StartsWith('-') && equals > 0 && IsSensitive(word[..equals]))
            {
                masked.Add(word[..(equals + 1)] + Mask);
            }
            else if (word.StartsWith('-') && equals < 0 && IsSensitive(word) && i + 1 < words.Count && !words[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                masked.Add(word);
                masked.Add(Mask);
                i++;
            }
            else
            {
                masked.Add(word);
            }
        }

        return masked;
    }

    public static IReadOnlyList<string> Arguments(IEnumerable<JobArgument> arguments) =>
        [.. arguments.Select(a => a.Literal is { } literal && !IsSensitive(a.Name) ? $"{a.Name}={literal}" : $"{a.Name}={(a.Secret is { } s ? s.ToString() : Mask)}")];

    private static bool IsSensitive(string name) =>
        SensitiveWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase));
}
