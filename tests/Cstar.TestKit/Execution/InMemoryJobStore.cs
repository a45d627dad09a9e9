using System.Collections.Immutable;
using Cstar.Core.Errors;
using Cstar.Core.Jobs;
using Cstar.Core.Ports;

namespace Cstar.TestKit.Execution;

/// <summary>
/// A job store in memory that applies the real <see cref="HostStateMachine"/> and checks the one-writer rule:
/// a write that overlaps another write fails the test (<see cref="ConcurrentWrites"/>). Held to the SQLite store by
/// the contract suite (Cstar.JobStore.Tests, JobStoreContract): same results, same exceptions. Its jobs are owned by
/// this live process, so a Running job's runner is never gone.
/// </summary>
public sealed class InMemoryJobStore : IJobStore, IJobCatalog
{
    private readonly object _gate = new();
    private readonly Dictionary<string, StoredJob> _jobs = new(StringComparer.Ordinal);
    private int _writing;

    public int ConcurrentWrites { get; private set; }

    /// <summary>Every host transition recorded, in order.</summary>
    public List<(string Host, HostRunStateKind To)> Transitions { get; } = [];

    public List<JobState> JobStates { get; } = [];

    public void CreateJob(JobDefinition definition, IReadOnlyList<string> hosts)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(hosts);
        if (hosts.Select(JobIds.ValidateHost).Distinct(StringComparer.Ordinal).Count() != hosts.Count)
        {
            throw new ArgumentException("a job lists each host once", nameof(hosts));
        }

        Write(() =>
        {
            if (_jobs.ContainsKey(definition.JobId))
            {
                throw new CstarException($"a job {definition.JobId} already exists in memory; nothing was changed", $"give a new job id, or continue {definition.JobId}");
            }

            _jobs.Add(definition.JobId, new StoredJob(definition, JobState.Running, null, null, [.. hosts.Select(HostRunState.Pending)]));
            JobStates.Add(JobState.Running);
        });
    }

    public StoredJob LoadJob(string jobId)
    {
        lock (_gate)
        {
            return Job(jobId);
        }
    }

    public HostRunState RecordHostTransition(string jobId, string host, HostTransition transition, bool retryFailed = false)
    {
        ArgumentNullException.ThrowIfNull(transition);
        HostRunState next = null!;
        Write(() =>
        {
            var job = Job(jobId);
            var current = job.Hosts.FirstOrDefault(h => h.Host == host) ?? throw new InvalidOperationException($"host {host} is not part of job {jobId}");
            var result = HostStateMachine.Apply(current, transition, retryFailed);
            next = result.State ?? throw new InvalidOperationException(result.Refusal);
            _jobs[jobId] = job with { Hosts = job.Hosts.Replace(current, next) };
            Transitions.Add((host, next.Kind));
        });
        return next;
    }

    public void RecordJobState(string jobId, JobState state, DateTimeOffset at, string? reason = null) => Write(() =>
    {
        var job = Job(jobId);
        if (!JobStateMachine.IsLegal(job.State, state))
        {
            throw new InvalidOperationException($"job {jobId}: {job.State} → {state} is not a legal job-state change");
        }

        _jobs[jobId] = job with { State = state, StateReason = reason, EndedAt = state == JobState.Running ? null : at };
        JobStates.Add(state);
    });

    public IReadOnlyList<JobSummary> ListJobs()
    {
        lock (_gate)
        {
            return [.. _jobs.Values
                .OrderBy(j => j.Definition.CreatedAt).ThenBy(j => j.Definition.JobId, StringComparer.Ordinal)
                .Select(j => new JobSummary(
                    j.Definition.JobId, j.Definition.CommandName, j.Definition.Clusters, j.Definition.Reason, j.Definition.CreatedAt,
                    j.EndedAt, j.State, HostCounts.Of(j.Hosts), OwnerGone: false))];
        }
    }

    public JobState? FindJobState(string jobId)
    {
        lock (_gate)
        {
            return _jobs.TryGetValue(jobId, out var job) ? job.State : null;
        }
    }

    public HostRunState? FindHost(string jobId, string host)
    {
        lock (_gate)
        {
            return _jobs.TryGetValue(jobId, out var job) ? job.Hosts.FirstOrDefault(h => h.Host == host) : null;
        }
    }

    public bool RunnerIsGone(string jobId) => FindJobState(jobId) != JobState.Running;

    public void DeleteJob(string jobId) => Write(() =>
    {
        if (_jobs.TryGetValue(jobId, out var job) && job.State == JobState.Running)
        {
            throw new CstarException($"job {jobId} is running in another cstar process; it cannot be deleted", "wait for it to end, or stop it first");
        }

        _jobs.Remove(jobId);
    });

    /// <summary>Starts attempts per host (how often Starting was recorded).</summary>
    public int StartsOf(string host) => Transitions.Count(t => t.Host == host && t.To == HostRunStateKind.Starting);

    public ImmutableArray<HostRunState> Hosts(string jobId) => LoadJob(jobId).Hosts;

    private StoredJob Job(string jobId) =>
        _jobs.TryGetValue(jobId, out var job)
            ? job
            : throw new CstarException($"there is no job {jobId} in memory", "run cstar jobs to list the jobs this machine knows");

    private void Write(Action action)
    {
        if (Interlocked.Exchange(ref _writing, 1) == 1)
        {
            ConcurrentWrites++;
        }

        try
        {
            lock (_gate)
            {
                action();
            }
        }
        finally
        {
            Interlocked.Exchange(ref _writing, 0);
        }
    }
}
