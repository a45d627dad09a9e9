using Cstar.Core.Jobs;

namespace Cstar.Core.Ports;

/// <summary>
/// The job store as the administration verbs use it: <c>jobs</c> (list, show, log --follow), <c>cleanup-jobs</c> and
/// <c>continue</c>'s look-up of the job to resume. Never used by the engine (<see cref="IJobStore"/>). Reads never
/// throw for an unknown job or host except <see cref="LoadJob"/>.
/// </summary>
public interface IJobCatalog
{
    /// <summary>Every job, oldest first (by creation, then id), with its host counts per state.</summary>
    IReadOnlyList<JobSummary> ListJobs();

    /// <summary>Loads the definition, the job state and every host's state; throws a CstarException naming the job if it cannot.</summary>
    StoredJob LoadJob(string jobId);

    /// <summary>The job's state, or null if there is no such job.</summary>
    JobState? FindJobState(string jobId);

    /// <summary>One host's current state, or null if the job or the host is unknown.</summary>
    HostRunState? FindHost(string jobId, string host);

    /// <summary>True when no live process runs the job: it is unknown, not Running, or its runner process is gone.</summary>
    bool RunnerIsGone(string jobId);

    /// <summary>
    /// Removes the job and its outputs; an unknown job is nothing to do. A job running in a live process throws a
    /// CstarException and is kept. Use the cleanup rules rather than calling this blindly.
    /// </summary>
    void DeleteJob(string jobId);
}
