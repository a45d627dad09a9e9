using System.Globalization;

namespace Cstar.Core.Commands;

/// <summary>
/// Parses the durations operators type: "90" (seconds), "90s", "30m", "2h", "1h30m", "1d", "500ms".
/// </summary>
public static class DurationText
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        if (long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var plainSeconds))
        {
            return TryPart(plainSeconds, TimeSpan.TicksPerSecond, out duration);
        }

        var total = TimeSpan.Zero;
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == start || !long.TryParse(s.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            {
                return false;
            }

            var unitStart = i;
            while (i < s.Length && char.IsAsciiLetter(s[i]))
            {
                i++;
            }

            long? ticksPerUnit = s[unitStart..i] switch
            {
                "ms" => TimeSpan.TicksPerMillisecond,
                "s" => TimeSpan.TicksPerSecond,
                "m" => TimeSpan.TicksPerMinute,
                "h" => TimeSpan.TicksPerHour,
                "d" => TimeSpan.TicksPerDay,
                _ => null,
            };
            if (ticksPerUnit is null || !TryPart(amount, ticksPerUnit.Value, out var part) || TimeSpan.MaxValue - total < part)
            {
                return false;
            }

            total += part;
        }

        duration = total;
        return true;
    }

    /// <summary>amount × unit, false when it does not fit a TimeSpan (e.g. "99999999999d").</summary>
    private static bool TryPart(long amount, long ticksPerUnit, out TimeSpan part)
    {
        part = TimeSpan.Zero;
        if (amount > TimeSpan.MaxValue.Ticks / ticksPerUnit)
        {
            return false;
        }

        part = TimeSpan.FromTicks(amount * ticksPerUnit);
        return true;
    }

    public static string Format(TimeSpan duration) => duration switch
    {
        { TotalHours: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours}h{duration.Minutes:00}m{duration.Seconds:00}s"),
        { TotalMinutes: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{duration.Minutes}m{duration.Seconds:00}s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.#}s"),
    };
}
