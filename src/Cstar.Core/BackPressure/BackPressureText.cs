using System.Globalization;

namespace Cstar.Core.BackPressure;

/// <summary>
/// The figures of a wait, e.g. <c>127.0.1.5: 7,412 pending compactions (limit 100), falling 310/h, about 23 h</c>.
/// </summary>
public static class BackPressureText
{
    public static string Compactions(string host, int pending, int limit, double? ratePerHour)
    {
        var text = $"{host}: {Number(pending)} pending compactions (limit {Number(limit)})";
        if (ratePerHour is not double rate)
        {
            return text;
        }

        if (Math.Abs(rate) < 0.5)
        {
            return text + ", steady";
        }

        if (rate > 0)
        {
            return text + $", rising {Number((long)Math.Round(rate))}/h";
        }

        var hours = (pending - limit + 1) / -rate;
        return text + $", falling {Number((long)Math.Round(-rate))}/h, about {Duration(TimeSpan.FromHours(hours))}";
    }

    public static string Streams(string host, int streams) =>
        $"{host}: {Number(streams)} stream(s) running (--no-streaming waits until there are none)";

    public static string Unreadable(string host, string error) => $"{host}: no figures ({error})";

    /// <summary>"23 h", "14 min", "40 s": whole units, rounded down, as an estimate is.</summary>
    public static string Duration(TimeSpan span) =>
        span.TotalHours >= 1 ? Number((long)span.TotalHours) + " h"
        : span.TotalMinutes >= 1 ? Number((long)span.TotalMinutes) + " min"
        : Number(Math.Max(1, (long)span.TotalSeconds)) + " s";

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
