using Cstar.Core.Errors;
using Cstar.Core.Jobs;

namespace Cstar.Core.Execution;

/// <summary>
/// How a run ended: the job state recorded, the process exit code (README's table), the host counts, a reason,
/// and — when the job can go on — the command that resumes it.
/// </summary>
public sealed record JobOutcome(string JobId, JobState State, ExitCode ExitCode, HostCounts Hosts, string Reason)
{
    /// <summary>"cstar continue &lt;id&gt;" when the job is resumable, else null.</summary>
    public string? ResumeCommand => State is JobState.Halted or JobState.Interrupted or JobState.StoppedAfter
        ? "cstar continue " + JobId
        : null;

    public override string ToString() => ResumeCommand is { } resume ? $"{State}: {Reason}. To resume, run {resume}" : $"{State}: {Reason}";
}
