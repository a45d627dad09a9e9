using Cstar.Core.Commands;
using Cstar.Core.Errors;

namespace Cstar.Cli.Verbs;

/// <summary>A flag whose value is a positive duration (90s, 30m, 2h): parsed once, with one clear error.</summary>
internal static class DurationFlag
{
    /// <summary>
    /// The longest duration a flag takes: timers and cancellation deadlines in .NET stop at about 49.7 days, and no
    /// cstar wait is meant to be longer than a month.
    /// </summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(30);

    /// <summary>The duration, null when the flag was not given; a usage error naming the flag when it is not a positive duration of at most 30 days.</summary>
    public static TimeSpan? Parse(string? text, string flag)
    {
        if (text is null)
        {
            return null;
        }

        if (!DurationText.TryParse(text, out var value) || value <= TimeSpan.Zero)
        {
            throw new CstarException($"{flag} '{text}' is not a duration.", "Write it like 90s, 30m or 2h.", ExitCode.Usage);
        }

        return value <= Longest
            ? value
            : throw new CstarException($"{flag} '{text}' is longer than the 30 days cstar accepts.", $"Give {flag} 30d or less, e.g. 2h.", ExitCode.Usage);
    }
}
