using Cstar.Core.Jobs.Controls;

namespace Cstar.Core.Ports;

/// <summary>
/// Operator requests to a job (pause, resume, set), kept apart from the job's state: <c>cstar pause|resume|set</c>
/// only append requests, and the job's runner, the single writer of job state, reads them at its next decision,
/// applies them and marks them applied. Appending never waits for the runner, and works while none runs.
/// </summary>
public interface IJobControls
{
    /// <summary>Appends a request; throws a CstarException when the job does not exist or is finished.</summary>
    JobControl RequestControl(string jobId, JobControlKind kind, string? value, string who, string? reason, DateTimeOffset at);

    /// <summary>The job's requests numbered above <paramref name="afterSequence"/>, oldest first.</summary>
    IReadOnlyList<JobControl> ReadControls(string jobId, long afterSequence);

    /// <summary>Marks a request applied (idempotent: a second mark keeps the first time).</summary>
    void MarkControlApplied(string jobId, long sequence, DateTimeOffset at);
}
