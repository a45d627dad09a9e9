using System.Text;
using Cstar.Core.Jobs;
using Cstar.JobStore.Inspection;

namespace Cstar.JobStore.Rendering;

/// <summary>Plain text for <c>cstar jobs</c>: one line per job, then the jobs that cannot be read.</summary>
public static class JobListRenderer
{
    public static string Render(IReadOnlyList<JobSummary> jobs, IReadOnlyList<UnreadableJob> unreadable) => Render(jobs, unreadable, null);

    /// <param name="now">When given, running jobs also get a progress line (done, running, pending, elapsed, ETA).</param>
    public static string Render(IReadOnlyList<JobSummary> jobs, IReadOnlyList<UnreadableJob> unreadable, DateTimeOffset? now)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(unreadable);
        var text = new StringBuilder();
        if (jobs.Count == 0)
        {
            text.Append("No jobs.\n");
        }
        else
        {
            text.Append(TextTable.Render(
                ["JOB ID", "COMMAND", "CLUSTERS", "STATE", "STARTED", "ENDED", "HOSTS", "REASON"],
                jobs.Select(j => (IReadOnlyList<string>)
                [
                    j.JobId, j.CommandName, string.Join(",", j.Clusters), Format.State(j), Format.Time(j.CreatedAt),
                    Format.Time(j.EndedAt), Format.Counts(j.Hosts), j.Reason ?? string.Empty,
                ])));
        }

        if (now is { } at)
        {
            RunningJobProgress.Append(text, jobs, at);
        }

        foreach (var u in unreadable)
        {
            text.Append("unreadable: ").Append(u.JobId).Append(": ").Append(u.Problem).Append(" (").Append(u.Folder).Append(")\n");
        }

        return text.ToString();
    }
}
