namespace Cstar.Core.Errors;

/// <summary>The process exit codes cstar documents in README.md. Never 0 when a host failed or did not run.</summary>
public enum ExitCode
{
    Success = 0,

    /// <summary>The job ran and at least one host failed, timed out or did not come back.</summary>
    HostsFailed = 1,

    /// <summary>The command line was wrong (unknown flag, missing value).</summary>
    Usage = 2,

    /// <summary>A user error detected before or while running: unreachable seed, unknown host, bad header.</summary>
    UserError = 3,

    /// <summary>
    /// The job stopped early, no host failed, and it can be resumed: --stop-after reached, Ctrl+C, quit at the --confirm
    /// prompt, a halt because a node outside the job went down. A halt after a failed host is <see cref="HostsFailed"/>.
    /// </summary>
    Incomplete = 4,

    /// <summary>The scheduler refused to go on because it would break a safety rule (blocked hosts).</summary>
    Blocked = 5,

    /// <summary>A bug: an unexpected exception. The message says where the job's log is (when there is a job).</summary>
    InternalError = 70,

    /// <summary>
    /// cstar could not write its own files under ~/.cstar (or --output-directory): disk full, read-only file system,
    /// no permission. The message names the path; once fixed, `cstar continue` resumes a job that had started.
    /// </summary>
    LocalStorage = 74,

    /// <summary>Interrupted by a second Ctrl+C.</summary>
    Interrupted = 130,
}
