using Cstar.Core.Jobs;

namespace Cstar.Core.Ports;

/// <summary>
/// The job store port. ONE WRITER: the engine's single runner loop is the only caller of the write
/// methods (host tasks report to it through a channel). Implementations still serialize writes and make
/// each call one transaction, so a crash leaves either the whole change or none of it.
/// Persist before acting: the engine records <see cref="HostRunStateKind.Starting"/> before it sends
/// anything to a host.
/// </summary>
public interface IJobStore
{
    /// <summary>Records a new Running job with every host Pending. Throws if the id exists.</summary>
    void CreateJob(JobDefinition definition, IReadOnlyList<string> hosts);

    /// <summary>Loads the definition, the job state and every host's state; throws a CstarException naming the job if it cannot.</summary>
    StoredJob LoadJob(string jobId);

    /// <summary>Applies <see cref="HostStateMachine"/> and records the result in one transaction; an illegal move throws and records nothing.</summary>
    HostRunState RecordHostTransition(string jobId, string host, HostTransition transition, bool retryFailed = false);

    /// <summary>Records a job-state change (<see cref="JobStateMachine"/>); a stop records its end time.</summary>
    void RecordJobState(string jobId, JobState state, DateTimeOffset at, string? reason = null);

    IReadOnlyList<JobSummary> ListJobs();

    /// <summary>Removes the job and its output folder. Use the cleanup logic rather than calling this blindly.</summary>
    void DeleteJob(string jobId);
}
