using Cstar.Core.Errors;
using Cstar.JobStore.Faults;

namespace Cstar.Cli.Errors;

/// <summary>
/// Turns any exception that reached the entry point into what the operator reads — an error line, a hint line with
/// the next step — and the exit code of README's table. Never a stack trace: an unexpected exception is exit 70 and
/// says where the job's log (which has the trace) is.
/// </summary>
internal sealed record ErrorReport(string Error, string? Hint, ExitCode ExitCode)
{
    /// <summary>Set to 1 to print the stack trace of an internal error on stderr too (for bug reports without a job).</summary>
    public const string TraceVariable = "CSTAR_TRACE";

    public static ErrorReport For(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var job = JobErrorContext.Of(error);
        var resume = job is null ? null : Jobs.ContinueCommand.For(job.JobId, job.StoreRoot);
        switch (error)
        {
            case OperationCanceledException:
                return new ErrorReport("interrupted", job is null ? null : $"To resume, run {resume}.", ExitCode.Interrupted);
            case CstarException known when known.ExitCode == ExitCode.LocalStorage && job is not null:
                return new ErrorReport(known.Message, $"{known.Hint?.Replace("cstar continue <job-id>", resume, StringComparison.Ordinal)} (job log: {job.LogPath})", known.ExitCode);
            case CstarException known:
                return new ErrorReport(known.Message, known.Hint, known.ExitCode);
        }

        if (StorageFaults.Describe(error, job?.StoreRoot) is { } fault)
        {
            return For(CopyContext(error, fault));
        }

        var what = $"internal error (a bug in cstar): {error.GetType().Name}: {OneLine(error.Message)}";
        return job is null
            ? new ErrorReport(what, $"Please report it with the command line you ran; set {TraceVariable}=1 to print the stack trace.", ExitCode.InternalError)
            : new ErrorReport(what, $"The job log {job.LogPath} has the stack trace; report it with that file. Commands already started keep running on their hosts: {resume} attaches to them.", ExitCode.InternalError);
    }

    private static Exception CopyContext(Exception from, Exception to)
    {
        if (JobErrorContext.Of(from) is { } job)
        {
            JobErrorContext.Attach(to, job.JobId, job.LogPath, job.StoreRoot);
        }

        return to;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
