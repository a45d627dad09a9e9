using Cstar.Core.Errors;
using Cstar.Core.Jobs;
using Cstar.Core.Jobs.Controls;
using Cstar.Core.Ports;

namespace Cstar.JobStore.Sqlite;

/// <summary>
/// Operator requests (table <c>job_controls</c>): appended by <c>cstar pause|resume|set</c>, read and marked applied by
/// the job's runner. A request and a runner's read never touch the same row's state: the runner's writes are only
/// <c>applied_at</c>, so any interleaving leaves every request applied once, in order.
/// </summary>
public sealed partial class SqliteJobStore : IJobControls
{
    public JobControl RequestControl(string jobId, JobControlKind kind, string? value, string who, string? reason, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrEmpty(who);
        return Write(() =>
        {
            var state = Db.Scalar(_connection, "SELECT state FROM jobs WHERE job_id = $1", jobId) as string
                ?? throw StoreErrors.UnknownJob(jobId, Paths.DatabasePath);
            if (state == nameof(JobState.Finished))
            {
                throw new CstarException($"Job {jobId} is finished: there is nothing to {kind.ToString().ToLowerInvariant()}.", $"cstar jobs show {jobId} shows what each host did.");
            }

            Db.Execute(
                _connection,
                "INSERT INTO job_controls (job_id, kind, value, requested_by, reason, requested_at) VALUES ($1, $2, $3, $4, $5, $6)",
                jobId, kind.ToString(), value, who, reason, Db.Millis(at));
            var seq = (long)Db.Scalar(_connection, "SELECT last_insert_rowid()")!;
            return new JobControl(seq, kind, value, who, reason, at);
        });
    }

    public IReadOnlyList<JobControl> ReadControls(string jobId, long afterSequence)
    {
        lock (_gate)
        {
            using var command = Db.Command(
                _connection,
                "SELECT seq, kind, value, requested_by, reason, requested_at, applied_at FROM job_controls WHERE job_id = $1 AND seq > $2 ORDER BY seq",
                jobId, afterSequence);
            using var reader = command.ExecuteReader();
            var controls = new List<JobControl>();
            while (reader.Read())
            {
                if (Enum.TryParse<JobControlKind>(reader.GetString(1), out var kind))
                {
                    controls.Add(new JobControl(reader.GetInt64(0), kind, Db.Text(reader, 2), reader.GetString(3), Db.Text(reader, 4), Db.Time(reader, 5)!.Value, Db.Time(reader, 6)));
                }
            }

            return controls;
        }
    }

    public void MarkControlApplied(string jobId, long sequence, DateTimeOffset at) =>
        Write(() => Db.Execute(_connection, "UPDATE job_controls SET applied_at = $3 WHERE job_id = $1 AND seq = $2 AND applied_at IS NULL", jobId, sequence, Db.Millis(at)));
}
