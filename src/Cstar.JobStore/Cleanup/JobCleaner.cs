using System.Collections.Immutable;
using System.Globalization;
using Cstar.JobStore.Inspection;
using Cstar.JobStore.Sqlite;

namespace Cstar.JobStore.Cleanup;

/// <summary>
/// <c>cleanup-jobs --max-job-age DAYS [--force]</c>. Without force it deletes only FINISHED jobs whose
/// END is older than the age; it never deletes an unfinished job (halted, interrupted, stopped-after,
/// or running in a process that is gone) nor an unreadable one (a folder with no row, a row whose
/// definition is damaged): it reports them. With force it also deletes unreadable jobs and unfinished
/// jobs older than the age (counted from their stop, or creation). A job running in a live process is
/// never deleted. Leftovers of an interrupted deletion (<c>jobs/.deleting-*</c>) are always removed.
/// </summary>
public sealed class JobCleaner(SqliteJobStore store, JobInspector inspector, TimeProvider time)
{
    public CleanupReport Run(TimeSpan maxAge, bool force)
    {
        var deleted = ImmutableArray.CreateBuilder<CleanupEntry>();
        var kept = ImmutableArray.CreateBuilder<CleanupEntry>();
        var now = time.GetUtcNow();
        var paths = store.Paths;
        foreach (var leftover in Directory.EnumerateDirectories(paths.JobsFolder, JobStorePaths.DeletingPrefix + "*").ToList())
        {
            Directory.Delete(leftover, recursive: true);
            deleted.Add(new CleanupEntry(Path.GetFileName(leftover)[JobStorePaths.DeletingPrefix.Length..], "finished an interrupted deletion"));
        }

        var unreadable = inspector.FindUnreadable().ToDictionary(u => u.JobId, StringComparer.Ordinal);
        foreach (var row in store.ReadJobRows())
        {
            var age = now - (row.EndedAt ?? row.CreatedAt);
            var old = age > maxAge;
            var ageText = $"{age.TotalDays.ToString("0.#", CultureInfo.InvariantCulture)} days";
            if (row is { State: "Running", OwnerAlive: true })
            {
                if (unreadable.Remove(row.JobId) || old)
                {
                    kept.Add(new CleanupEntry(row.JobId, "running in a live cstar process"));
                }
            }
            else if (unreadable.Remove(row.JobId, out var problem))
            {
                Decide(row.JobId, force, $"unreadable ({problem.Problem})", deleted, kept, () => store.DeleteJob(row.JobId));
            }
            else if (row.State == "Finished" && old)
            {
                store.DeleteJob(row.JobId);
                deleted.Add(new CleanupEntry(row.JobId, $"finished {ageText} ago"));
            }
            else if (row.State != "Finished" && old)
            {
                var what = row.State == "Running" ? "interrupted (its process is gone)" : row.State.ToLowerInvariant();
                Decide(row.JobId, force, $"not finished: {what}, {ageText} old; continue it", deleted, kept, () => store.DeleteJob(row.JobId));
            }
        }

        foreach (var orphan in unreadable.Values)
        {
            Decide(orphan.JobId, force, $"unreadable ({orphan.Problem})", deleted, kept, () => DeleteFolder(orphan.Folder));
        }

        return new CleanupReport(deleted.ToImmutable(), kept.ToImmutable());
    }

    private static void Decide(
        string jobId, bool force, string why, ImmutableArray<CleanupEntry>.Builder deleted, ImmutableArray<CleanupEntry>.Builder kept, Action delete)
    {
        if (force)
        {
            delete();
            deleted.Add(new CleanupEntry(jobId, why + "; deleted with --force"));
        }
        else
        {
            kept.Add(new CleanupEntry(jobId, why + "; kept (use --force to delete it)"));
        }
    }

    private void DeleteFolder(string folder)
    {
        var doomed = Path.Combine(store.Paths.JobsFolder, JobStorePaths.DeletingPrefix + Path.GetFileName(folder));
        Directory.Move(folder, doomed);
        Directory.Delete(doomed, recursive: true);
    }
}
