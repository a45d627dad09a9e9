using Cstar.Core.Errors;

namespace Cstar.JobStore.Sqlite;

/// <summary>
/// Deleting a job, in a crash-safe order: (1) rename the job folder to <c>jobs/.deleting-&lt;id&gt;</c>
/// (atomic: the job's outputs vanish in one step), (2) delete the row (hosts and history cascade),
/// (3) remove the renamed folder. A crash after (1) leaves a row without folder, which the next
/// cleanup finishes deleting (it is still a finished, old job); a crash after (2) leaves a
/// <c>.deleting-</c> folder, which every cleanup sweeps. No step leaves an orphan job folder that would
/// need <c>--force</c>.
/// </summary>
public sealed partial class SqliteJobStore
{
    public void DeleteJob(string jobId)
    {
        var row = ReadJobRows().FirstOrDefault(r => string.Equals(r.JobId, jobId, StringComparison.Ordinal));
        if (row is { State: "Running", OwnerAlive: true })
        {
            throw new CstarException($"job {jobId} is running in another cstar process; it cannot be deleted", "wait for it to end, or stop it first");
        }

        var folder = Paths.JobFolder(jobId);
        var doomed = Path.Combine(Paths.JobsFolder, JobStorePaths.DeletingPrefix + jobId);
        if (Directory.Exists(folder))
        {
            if (Directory.Exists(doomed))
            {
                Directory.Delete(doomed, recursive: true);
            }

            Directory.Move(folder, doomed);
        }

        Write(() => Db.Execute(_connection, "DELETE FROM jobs WHERE job_id = $1", jobId));
        if (File.Exists(Paths.DetachedConsole(jobId)))
        {
            File.Delete(Paths.DetachedConsole(jobId));
        }
        if (Directory.Exists(doomed))
        {
            Directory.Delete(doomed, recursive: true);
        }
    }
}
