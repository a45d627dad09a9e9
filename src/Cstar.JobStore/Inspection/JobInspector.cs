using System.Collections.Immutable;
using Cstar.Core.Jobs;
using Cstar.JobStore.Output;
using Cstar.JobStore.Sqlite;

namespace Cstar.JobStore.Inspection;

/// <summary>The query side of <c>cstar jobs</c>, <c>jobs show</c> and the unreadable-job report.</summary>
public sealed class JobInspector(SqliteJobStore store, HostOutputReader outputs)
{
    private readonly JobStorePaths _paths = store.Paths;

    public IReadOnlyList<JobSummary> List() => store.ListJobs();

    public JobDetails Show(string jobId)
    {
        var job = store.LoadJob(jobId);
        var summary = store.ListJobs().First(j => string.Equals(j.JobId, jobId, StringComparison.Ordinal));
        var hosts = job.Hosts.Select(h => new HostDetail(
            h.Host, h.Kind, h.Attempt, h.ExitCode, h.Reason, h.StartedAt, h.EndedAt, h.Duration,
            outputs.FirstOutputLine(jobId, h.Host))).ToImmutableArray();
        return new JobDetails(summary, job.Definition, job.StateReason, _paths.JobFolder(jobId), hosts);
    }

    /// <summary>Job folders without a row and rows whose definition cannot be read.</summary>
    public IReadOnlyList<UnreadableJob> FindUnreadable()
    {
        var rows = store.ReadJobRows();
        var known = rows.Select(r => r.JobId).ToHashSet(StringComparer.Ordinal);
        var problems = new List<UnreadableJob>();
        foreach (var row in rows)
        {
            if (DefinitionJson.TryDeserialize(row.DefinitionJson, out var error) is null)
            {
                problems.Add(new UnreadableJob(row.JobId, "its definition in the store cannot be read: " + error, _paths.JobFolder(row.JobId)));
            }
        }

        if (Directory.Exists(_paths.JobsFolder))
        {
            foreach (var folder in Directory.EnumerateDirectories(_paths.JobsFolder).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(folder);
                if (!name.StartsWith(JobStorePaths.DeletingPrefix, StringComparison.Ordinal) && !known.Contains(name))
                {
                    problems.Add(new UnreadableJob(name, $"a job folder with no entry in {_paths.DatabasePath}", folder));
                }
            }
        }

        return problems;
    }
}
