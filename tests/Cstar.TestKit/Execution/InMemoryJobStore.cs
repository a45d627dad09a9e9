using System.Collections.Immutable;
using Cstar.Core.Jobs;
using Cstar.Core.Ports;

namespace Cstar.TestKit.Execution;

/// <summary>
/// A job store in memory that applies the real <see cref="HostStateMachine"/> and checks the one-writer rule:
/// a write that overlaps another write fails the test (<see cref="ConcurrentWrites"/>).
/// </summary>
public sealed class InMemoryJobStore : IJobStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, StoredJob> _jobs = new(StringComparer.Ordinal);
    private int _writing;

    public int ConcurrentWrites { get; private set; }

    /// <summary>Every host transition recorded, in order.</summary>
    public List<(string Host, HostRunStateKind To)> Transitions { get; } = [];

    public List<JobState> JobStates { get; } = [];

    public void CreateJob(JobDefinition definition, IReadOnlyList<string> hosts) => Write(() =>
    {
        _jobs.Add(definition.JobId, new StoredJob(definition, JobState.Running, null, null, [.. hosts.Select(HostRunState.Pending)]));
        JobStates.Add(JobState.Running);
    });

    public StoredJob LoadJob(string jobId)
    {
        lock (_gate)
        {
            return _jobs[jobId];
        }
    }

    public HostRunState RecordHostTransition(string jobId, string host, HostTransition transition, bool retryFailed = false)
    {
        HostRunState next = null!;
        Write(() =>
        {
            var job = _jobs[jobId];
            var result = HostStateMachine.Apply(job.Host(host), transition, retryFailed);
            next = result.State ?? throw new InvalidOperationException(result.Refusal);
            _jobs[jobId] = job with { Hosts = job.Hosts.Replace(job.Host(host), next) };
            Transitions.Add((host, next.Kind));
        });
        return next;
    }

    public void RecordJobState(string jobId, JobState state, DateTimeOffset at, string? reason = null) => Write(() =>
    {
        var job = _jobs[jobId];
        if (!JobStateMachine.IsLegal(job.State, state))
        {
            throw new InvalidOperationException($"job {jobId}: {job.State} → {state} is not legal");
        }

        _jobs[jobId] = job with { State = state, StateReason = reason, EndedAt = state == JobState.Running ? null : at };
        JobStates.Add(state);
    });

    public IReadOnlyList<JobSummary> ListJobs() => throw new NotSupportedException();

    public void DeleteJob(string jobId) => throw new NotSupportedException();

    /// <summary>Starts attempts per host (how often Starting was recorded).</summary>
    public int StartsOf(string host) => Transitions.Count(t => t.Host == host && t.To == HostRunStateKind.Starting);

    public ImmutableArray<HostRunState> Hosts(string jobId) => LoadJob(jobId).Hosts;

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
