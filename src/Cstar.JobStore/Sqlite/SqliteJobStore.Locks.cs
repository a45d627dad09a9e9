using Cstar.Core.Jobs;
using Cstar.JobStore.Processes;

namespace Cstar.JobStore.Sqlite;

/// <summary>
/// Cluster locks: one running job per cluster on this machine. A row per cluster names the owning job and
/// process; it is checked and taken in one IMMEDIATE transaction, so two cstar processes racing for a cluster
/// cannot both win. A lock whose owner process is gone (crash, kill -9) is stale and is taken over; a live
/// owner is refused, naming its job; <c>force</c> overrides. Only the CLI takes them (JobLauncher), so they
/// are no engine port.
/// </summary>
public sealed partial class SqliteJobStore
{
    public ClusterLockResult TryAcquireClusterLock(string clusterName, string jobId, bool force = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterName);
        JobIds.Validate(jobId);
        var self = _processes.Current;
        return Write(() =>
        {
            string? holder = null;
            var owner = default(ProcessIdentity);
            using (var command = Db.Command(_connection, "SELECT job_id, owner_pid, owner_start FROM cluster_locks WHERE cluster_name = $1", clusterName))
            using (var reader = command.ExecuteReader())
            {
                if (reader.Read())
                {
                    holder = reader.GetString(0);
                    owner = new ProcessIdentity(reader.GetInt64(1), reader.GetInt64(2));
                }
            }

            var mine = holder is not null && string.Equals(holder, jobId, StringComparison.Ordinal) && owner == self;
            if (holder is not null && !mine && !force && _processes.IsAlive(owner))
            {
                return ClusterLockResult.Refused(clusterName, holder, owner.Pid);
            }

            Db.Execute(
                _connection,
                "INSERT OR REPLACE INTO cluster_locks (cluster_name, job_id, owner_pid, owner_start, acquired_at) VALUES ($1, $2, $3, $4, $5)",
                clusterName, jobId, self.Pid, self.StartTime, _time.GetUtcNow().ToUnixTimeMilliseconds());
            return ClusterLockResult.Granted(clusterName, holder is null || mine ? null : holder);
        });
    }

    public void ReleaseClusterLock(string clusterName, string jobId)
    {
        var self = _processes.Current;
        Write(() => Db.Execute(
            _connection,
            "DELETE FROM cluster_locks WHERE cluster_name = $1 AND job_id = $2 AND owner_pid = $3 AND owner_start = $4",
            clusterName, jobId, self.Pid, self.StartTime));
    }
}
