namespace Cstar.Cli.Errors;

/// <summary>
/// What an error that escaped a running job carries to the one place that reports errors: the job id, its log and
/// the store's folder, attached to the exception on its way out (<see cref="Exception.Data"/>), so the report can
/// say where the details are and how to resume.
/// </summary>
internal sealed record JobErrorContext(string JobId, string LogPath, string StoreRoot)
{
    private const string Key = "cstar.job";

    /// <summary>For an exception filter: attaches the job's context (the innermost job wins) and lets the exception go on.</summary>
    public static bool Attach(Exception error, string jobId, string logPath, string storeRoot)
    {
        if (!error.Data.Contains(Key))
        {
            error.Data[Key] = new JobErrorContext(jobId, logPath, storeRoot);
        }

        return false;
    }

    public static JobErrorContext? Of(Exception error) => error.Data[Key] as JobErrorContext;
}
