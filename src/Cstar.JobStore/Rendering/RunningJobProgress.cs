using System.Globalization;
using System.Text;
using Cstar.Core.Jobs;

namespace Cstar.JobStore.Rendering;

/// <summary>
/// The "Running now" lines of <c>cstar jobs</c>: per job whose runner is alive, hosts done, running and pending, the
/// time since it was created, and an ETA from the hosts finished so far (the time per finished host so far, times
/// the hosts left: it counts the gate and the waves as they really went).
/// </summary>
public static class RunningJobProgress
{
    public static void Append(StringBuilder text, IReadOnlyList<JobSummary> jobs, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        var running = jobs.Where(j => j.State == JobState.Running && !j.OwnerGone).ToList();
        if (running.Count == 0)
        {
            return;
        }

        text.Append("\nRunning now:\n");
        foreach (var job in running)
        {
            text.Append("  ").Append(job.JobId).Append("  ").Append(job.CommandName).Append("  ").Append(Line(job.Hosts, now - job.CreatedAt)).Append('\n');
        }

        text.Append("  (watch one: cstar attach <job-id>)\n");
    }

    public static string Line(HostCounts hosts, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        var done = hosts.Succeeded + hosts.Failed + hosts.TimedOut + hosts.DidNotComeBack + hosts.Skipped;
        var inFlight = hosts.Starting + hosts.Running;
        var left = inFlight + hosts.Pending;
        var ran = done - hosts.Skipped;
        var eta = left == 0 ? "eta 0s" : ran == 0 ? "eta ? (no host finished yet)" : $"eta ~{Format.Duration(elapsed / ran * left)} (from {N(ran)} host(s) finished)";
        return $"{N(done)} done, {N(inFlight)} running, {N(hosts.Pending)} pending; elapsed {Format.Duration(elapsed)}; {eta}";
    }

    /// <summary>"3/12 ok, 1 failed, 2 running, 6 pending", as <c>cstar jobs</c> prints them.</summary>
    public static string Counts(HostCounts hosts) => Format.Counts(hosts);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
