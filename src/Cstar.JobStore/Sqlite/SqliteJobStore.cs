using System.Collections.Immutable;
using System.Globalization;
using Cstar.Core.Jobs;
using Cstar.Core.Ports;
using Cstar.JobStore.Faults;
using Cstar.JobStore.Processes;
using Microsoft.Data.Sqlite;

namespace Cstar.JobStore.Sqlite;

/// <summary>
/// The job store: one SQLite database (WAL) under the root plus per-job output folders. One connection
/// and one lock serialize every call of this process; each write is one <c>BEGIN IMMEDIATE</c>
/// transaction, so other cstar processes wait on busy_timeout. The engine's runner loop is the only
/// writer (see <see cref="IJobStore"/>); the lock is a safety net, not a design for concurrent writers. The
/// administration verbs read and delete through <see cref="IJobCatalog"/>.
/// </summary>
public sealed partial class SqliteJobStore : IJobStore, IJobCatalog, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();
    private readonly IProcessLiveness _processes;
    private readonly TimeProvider _time;

    private SqliteJobStore(SqliteConnection connection, JobStoreOptions options)
    {
        _connection = connection;
        _processes = options.Processes;
        _time = options.Time;
        Paths = options.Paths;
    }

    public JobStorePaths Paths { get; }

    /// <summary>The schema version this program reads and writes.</summary>
    public static int SchemaVersion => SchemaScripts.LatestVersion;

    public void CreateJob(JobDefinition definition, IReadOnlyList<string> hosts)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(hosts);
        var unique = hosts.Select(JobIds.ValidateHost).Distinct(StringComparer.Ordinal).Count();
        if (unique != hosts.Count)
        {
            throw new ArgumentException("a job lists each host once", nameof(hosts));
        }

        var self = _processes.Current;
        Write(() =>
        {
            if (Db.Scalar(_connection, "SELECT 1 FROM jobs WHERE job_id = $1", definition.JobId) is not null)
            {
                throw StoreErrors.JobExists(definition.JobId, Paths.DatabasePath);
            }

            Db.Execute(
                _connection,
                "INSERT INTO jobs (job_id, command_name, clusters, reason, definition_json, state, created_at, owner_pid, owner_start) VALUES ($1, $2, $3, $4, $5, 'Running', $6, $7, $8)",
                definition.JobId, definition.CommandName, DefinitionJson.Clusters(definition.Clusters), definition.Reason,
                DefinitionJson.Serialize(definition), Db.Millis(definition.CreatedAt), self.Pid, self.StartTime);
            for (var i = 0; i < hosts.Count; i++)
            {
                Db.Execute(_connection, "INSERT INTO hosts (job_id, host, ordinal, state) VALUES ($1, $2, $3, 'Pending')", definition.JobId, hosts[i], i);
            }

            return 0;
        });

        // The folder comes after the row: a crash in between leaves a row without folder (harmless),
        // never a folder without row (which cleanup would have to report as unreadable).
        try
        {
            PrivateFiles.Folder(Paths.JobFolder(definition.JobId));
        }
        catch (Exception e) when (StorageFaults.Describe(e, Paths.Root) is { } fault)
        {
            throw fault;
        }
    }

    public StoredJob LoadJob(string jobId)
    {
        lock (_gate)
        {
            string json;
            JobState state;
            string? reason;
            DateTimeOffset? ended;
            using (var command = Db.Command(_connection, "SELECT definition_json, state, state_reason, ended_at FROM jobs WHERE job_id = $1", jobId))
            using (var reader = command.ExecuteReader())
            {
                if (!reader.Read())
                {
                    throw StoreErrors.UnknownJob(jobId, Paths.DatabasePath);
                }

                (json, state, reason, ended) = (reader.GetString(0), Enum.Parse<JobState>(reader.GetString(1)), Db.Text(reader, 2), Db.Time(reader, 3));
            }

            var definition = DefinitionJson.Deserialize(json, jobId, Paths.DatabasePath);
            return new StoredJob(definition, state, reason, ended, ReadHosts(jobId));
        }
    }

    public HostRunState RecordHostTransition(string jobId, string host, HostTransition transition, bool retryFailed = false)
    {
        ArgumentNullException.ThrowIfNull(transition);
        return Write(() =>
        {
            var current = ReadHost(jobId, host)
                ?? throw (Db.Scalar(_connection, "SELECT 1 FROM jobs WHERE job_id = $1", jobId) is null
                    ? StoreErrors.UnknownJob(jobId, Paths.DatabasePath)
                    : new InvalidOperationException($"host {host} is not part of job {jobId}"));
            var result = HostStateMachine.Apply(current, transition, retryFailed);
            var next = result.State ?? throw new InvalidOperationException(result.Refusal);
            Db.Execute(
                _connection,
                "UPDATE hosts SET state = $3, attempt = $4, remote_pid = $5, exit_code = $6, reason = $7, started_at = $8, ended_at = $9 WHERE job_id = $1 AND host = $2",
                jobId, host, next.Kind.ToString(), next.Attempt, next.RemotePid, next.ExitCode, next.Reason, Db.Millis(next.StartedAt), Db.Millis(next.EndedAt));
            Db.Execute(
                _connection,
                "INSERT INTO host_transitions (job_id, host, from_state, to_state, at, remote_pid, exit_code, reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                jobId, host, current.Kind.ToString(), next.Kind.ToString(), Db.Millis(transition.At), transition.RemotePid, transition.ExitCode, transition.Reason);
            return next;
        });
    }

    public void RecordJobState(string jobId, JobState state, DateTimeOffset at, string? reason = null)
    {
        var self = _processes.Current;
        Write(() =>
        {
            var text = Db.Scalar(_connection, "SELECT state FROM jobs WHERE job_id = $1", jobId) as string
                ?? throw StoreErrors.UnknownJob(jobId, Paths.DatabasePath);
            var from = Enum.Parse<JobState>(text);
            if (!JobStateMachine.IsLegal(from, state))
            {
                throw new InvalidOperationException($"job {jobId}: {from} → {state} is not a legal job-state change");
            }

            var running = state == JobState.Running;
            return Db.Execute(
                _connection,
                "UPDATE jobs SET state = $2, state_reason = $3, ended_at = $4, owner_pid = $5, owner_start = $6 WHERE job_id = $1",
                jobId, state.ToString(), reason, running ? null : Db.Millis(at), running ? self.Pid : null, running ? self.StartTime : null);
        });
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
        }
    }

    private T Write<T>(Func<T> change)
    {
        lock (_gate)
        {
            try
            {
                using var transaction = new WriteTransaction(_connection);
                var result = change();
                transaction.Commit();
                return result;
            }
            catch (SqliteException e) when (StoreErrors.IsCorruption(e))
            {
                throw StoreErrors.Corrupt(Paths.DatabasePath, e.Message, e);
            }
            catch (SqliteException e) when (StorageFaults.Describe(e, Paths.Root) is { } fault)
            {
                throw fault;
            }
        }
    }

    private HostRunState? ReadHost(string jobId, string host) =>
        ReadHosts(jobId, host).FirstOrDefault();

    private ImmutableArray<HostRunState> ReadHosts(string jobId, string? onlyHost = null)
    {
        using var command = Db.Command(
            _connection,
            "SELECT host, state, attempt, remote_pid, exit_code, reason, started_at, ended_at FROM hosts WHERE job_id = $1 AND ($2 IS NULL OR host = $2) ORDER BY ordinal",
            jobId, onlyHost);
        using var reader = command.ExecuteReader();
        var hosts = ImmutableArray.CreateBuilder<HostRunState>();
        while (reader.Read())
        {
            hosts.Add(new HostRunState(
                reader.GetString(0), Enum.Parse<HostRunStateKind>(reader.GetString(1)), reader.GetInt32(2), Db.Long(reader, 3),
                reader.IsDBNull(4) ? null : reader.GetInt32(4), Db.Text(reader, 5), Db.Time(reader, 6), Db.Time(reader, 7)));
        }

        return hosts.ToImmutable();
    }
}
