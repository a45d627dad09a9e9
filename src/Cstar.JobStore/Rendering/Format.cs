using System.Globalization;
using Cstar.Core.Jobs;

namespace Cstar.JobStore.Rendering;

/// <summary>How times, durations and states read in the plain-text renderings (UTC, invariant culture).</summary>
internal static class Format
{
    public static string Time(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "-";

    public static string Duration(TimeSpan? duration) => duration switch
    {
        null => "-",
        { TotalHours: >= 1 } d => string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalHours}h{d.Minutes:00}m{d.Seconds:00}s"),
        { TotalMinutes: >= 1 } d => string.Create(CultureInfo.InvariantCulture, $"{d.Minutes}m{d.Seconds:00}s"),
        { } d => string.Create(CultureInfo.InvariantCulture, $"{d.TotalSeconds:0.0}s"),
    };

    public static string State(JobSummary job) => job.OwnerGone ? "running? (process gone: continue it)" : StateNames.Of(job.State);

    public static string State(HostRunStateKind kind) => StateNames.Of(kind);

    public static string Counts(HostCounts c)
    {
        var failed = c.Failed + c.TimedOut + c.DidNotComeBack;
        var parts = new List<string> { $"{c.Succeeded}/{c.Total} ok" };
        if (failed > 0)
        {
            parts.Add($"{failed} failed");
        }

        if (c.Running + c.Starting > 0)
        {
            parts.Add($"{c.Running + c.Starting} running");
        }

        if (c.Pending > 0)
        {
            parts.Add($"{c.Pending} pending");
        }

        if (c.Skipped > 0)
        {
            parts.Add($"{c.Skipped} skipped");
        }

        return string.Join(", ", parts);
    }
}
