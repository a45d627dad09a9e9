using Cstar.Core.Commands;
using Cstar.Core.Errors;

namespace Cstar.Cli.Verbs;

/// <summary>A flag whose value is a positive duration (90s, 30m, 2h): parsed once, with one clear error.</summary>
internal static class DurationFlag
{
    /// <summary>The duration, null when the flag was not given; a usage error naming the flag when it is not a positive duration.</summary>
    public static TimeSpan? Parse(string? text, string flag) =>
        text is null
            ? null
            : DurationText.TryParse(text, out var value) && value > TimeSpan.Zero
                ? value
                : throw new CstarException($"{flag} '{text}' is not a duration.", "Write it like 90s, 30m or 2h.", ExitCode.Usage);
}
