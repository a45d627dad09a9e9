using Cstar.Core.Jobs;

namespace Cstar.Core.Ports;

/// <summary>
/// The job store as the engine uses it: create or load the job, record host and job states. ONE WRITER: the
/// engine's single runner loop is the only caller of the write methods (host tasks report to it through a
/// channel). Implementations still serialize writes and make each call one transaction, so a crash leaves either
/// the whole change or none of it. Persist before acting: the engine records
/// <see cref="HostRunStateKind.Starting"/> before it sends anything to a host. The administration verbs use
/// <see cref="IJobCatalog"/>; one contract suite (JobStoreContract) holds every implementation to both.
/// </summary>
public interface IJobStore
{
    /// <summary>
    /// Records a new Running job with every host Pending. A job id that exists throws a CstarException (user
    /// error: it names the job) and changes nothing; a host listed twice throws an ArgumentException.
    /// </summary>
    void CreateJob(JobDefinition definition, IReadOnlyList<string> hosts);

    /// <summary>Loads the definition, the job state and every host's state; throws a CstarException naming the job if it cannot.</summary>
    StoredJob LoadJob(string jobId);

    /// <summary>
    /// Applies <see cref="HostStateMachine"/> and records the result in one transaction. An unknown job throws a
    /// CstarException naming it; a host that is not part of the job, or an illegal move, throws an
    /// InvalidOperationException (a bug of the caller) and records nothing.
    /// </summary>
    HostRunState RecordHostTransition(string jobId, string host, HostTransition transition, bool retryFailed = false);

    /// <summary>
    /// Records a job-state change (<see cref="JobStateMachine"/>); a stop records its end time, going back to Running
    /// clears it. An unknown job throws a CstarException naming it; an illegal change an InvalidOperationException.
    /// </summary>
    void RecordJobState(string jobId, JobState state, DateTimeOffset at, string? reason = null);
}
