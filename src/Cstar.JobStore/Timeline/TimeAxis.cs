using System.Globalization;

namespace Cstar.JobStore.Timeline;

/// <summary>The report's time axis: a time as a percentage of the width, and round ticks (at most about ten).</summary>
internal sealed class TimeAxis(DateTimeOffset start, DateTimeOffset end)
{
    private static readonly TimeSpan[] Steps =
        [.. new[] { 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800 }.Select(s => TimeSpan.FromSeconds(s))];

    public DateTimeOffset Start { get; } = start;

    public DateTimeOffset End { get; } = end > start ? end : start.AddSeconds(1);

    public TimeSpan Length => End - Start;

    public string Percent(DateTimeOffset time) => Text(Math.Clamp((time - Start) / Length * 100, 0, 100));

    /// <summary>At least a sliver, so a one-second bar on a week-long axis is still seen.</summary>
    public string Width(DateTimeOffset from, DateTimeOffset to) => Text(Math.Max(0.15, Math.Clamp((to - from) / Length * 100, 0, 100)));

    public IEnumerable<DateTimeOffset> Ticks()
    {
        var step = Steps.FirstOrDefault(s => Length / s <= 10, Steps[^1]);
        var first = new DateTimeOffset(Start.UtcTicks - (Start.UtcTicks % step.Ticks), TimeSpan.Zero);
        for (var t = first < Start ? first + step : first; t <= End; t += step)
        {
            yield return t;
        }
    }

    private static string Text(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
