using Cstar.Core.Jobs;
using Cstar.JobStore.Processes;

namespace Cstar.JobStore.Sqlite;

/// <summary>Read side: listing and the rows cleanup and inspection need.</summary>
public sealed partial class SqliteJobStore
{
    public IReadOnlyList<JobSummary> ListJobs()
    {
        lock (_gate)
        {
            using var command = Db.Command(
                _connection,
                """
                SELECT j.job_id, j.command_name, j.clusters, j.reason, j.created_at, j.ended_at, j.state, j.owner_pid, j.owner_start,
                       h.state, h.n
                FROM jobs j LEFT JOIN (SELECT job_id, state, COUNT(*) AS n FROM hosts GROUP BY job_id, state) h ON h.job_id = j.job_id
                ORDER BY j.created_at, j.job_id
                """);
            using var reader = command.ExecuteReader();
            var jobs = new List<JobSummary>();
            var liveness = new Dictionary<(long?, long?), bool>();
            while (reader.Read())
            {
                var id = reader.GetString(0);
                if (jobs.Count == 0 || !string.Equals(jobs[^1].JobId, id, StringComparison.Ordinal))
                {
                    var state = Enum.Parse<JobState>(reader.GetString(6));
                    var owner = (Db.Long(reader, 7), Db.Long(reader, 8));
                    if (state == JobState.Running && !liveness.ContainsKey(owner))
                    {
                        liveness[owner] = IsAlive(owner.Item1, owner.Item2);
                    }

                    var ownerGone = state == JobState.Running && !liveness[owner];
                    jobs.Add(new JobSummary(
                        id, reader.GetString(1), DefinitionJson.ParseClusters(reader.GetString(2)), Db.Text(reader, 3),
                        Db.Time(reader, 4)!.Value, Db.Time(reader, 5), state, HostCounts.Empty, ownerGone));
                }

                if (!reader.IsDBNull(9))
                {
                    jobs[^1] = jobs[^1] with { Hosts = jobs[^1].Hosts.Add(Enum.Parse<HostRunStateKind>(reader.GetString(9)), reader.GetInt32(10)) };
                }
            }

            return jobs;
        }
    }

    /// <summary>One host's current state, or null if the job or host is unknown (used by <c>jobs log --follow</c>).</summary>
    public HostRunState? FindHost(string jobId, string host)
    {
        lock (_gate)
        {
            return ReadHost(jobId, host);
        }
    }

    /// <summary>The job's state, or null if there is no such job.</summary>
    public JobState? FindJobState(string jobId)
    {
        lock (_gate)
        {
            return Db.Scalar(_connection, "SELECT state FROM jobs WHERE job_id = $1", jobId) is string s ? Enum.Parse<JobState>(s) : null;
        }
    }

    /// <summary>
    /// True when no live process runs the job: it is not Running, or its runner process is gone (killed, crashed).
    /// Nothing more is written for it until it is continued (used by <c>jobs log --follow</c> to end).
    /// </summary>
    public bool RunnerIsGone(string jobId)
    {
        lock (_gate)
        {
            using var command = Db.Command(_connection, "SELECT state, owner_pid, owner_start FROM jobs WHERE job_id = $1", jobId);
            using var reader = command.ExecuteReader();
            return !reader.Read() || reader.GetString(0) != nameof(JobState.Running) || !IsAlive(Db.Long(reader, 1), Db.Long(reader, 2));
        }
    }

    /// <summary>The accepted transitions of a host, oldest first: (from, to, at).</summary>
    public IReadOnlyList<(HostRunStateKind From, HostRunStateKind To, DateTimeOffset At)> History(string jobId, string host)
    {
        lock (_gate)
        {
            using var command = Db.Command(_connection, "SELECT from_state, to_state, at FROM host_transitions WHERE job_id = $1 AND host = $2 ORDER BY seq", jobId, host);
            using var reader = command.ExecuteReader();
            var list = new List<(HostRunStateKind, HostRunStateKind, DateTimeOffset)>();
            while (reader.Read())
            {
                list.Add((Enum.Parse<HostRunStateKind>(reader.GetString(0)), Enum.Parse<HostRunStateKind>(reader.GetString(1)), Db.Time(reader, 2)!.Value));
            }

            return list;
        }
    }

    /// <summary>SQLite's full integrity check: "ok" or the first problems found.</summary>
    public string IntegrityCheck()
    {
        lock (_gate)
        {
            return Convert.ToString(Db.Scalar(_connection, "PRAGMA integrity_check"), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
        }
    }

    internal IReadOnlyList<JobRow> ReadJobRows()
    {
        lock (_gate)
        {
            using var command = Db.Command(_connection, "SELECT job_id, state, created_at, ended_at, owner_pid, owner_start, definition_json FROM jobs ORDER BY created_at");
            using var reader = command.ExecuteReader();
            var rows = new List<JobRow>();
            while (reader.Read())
            {
                rows.Add(new JobRow(
                    reader.GetString(0), reader.GetString(1), Db.Time(reader, 2)!.Value, Db.Time(reader, 3),
                    IsAlive(Db.Long(reader, 4), Db.Long(reader, 5)), reader.GetString(6)));
            }

            return rows;
        }
    }

    private bool IsAlive(long? pid, long? start) =>
        pid is { } p && start is { } s && _processes.IsAlive(new ProcessIdentity(p, s));
}
