using Cstar.Core.Errors;
using Microsoft.Data.Sqlite;

namespace Cstar.JobStore.Sqlite;

/// <summary>The operator-facing errors of the store: each names the file and the next step.</summary>
internal static class StoreErrors
{
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    public static bool IsCorruption(SqliteException e) =>
        e.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase;

    public static CstarException Corrupt(string databasePath, string detail, Exception? inner = null) => new(
        $"the job store {databasePath} is damaged or is not a cstar job store ({detail}); nothing was changed",
        $"move {databasePath} (and any {Path.GetFileName(databasePath)}-wal / -shm beside it) aside or restore it from a backup, "
        + $"then run cstar again to start a new store. The job folders with their outputs in {Path.Combine(Path.GetDirectoryName(databasePath)!, "jobs")} are still there.",
        ExitCode.UserError,
        inner);

    public static CstarException TooNew(string databasePath, long fileVersion, int programVersion) => new(
        $"the job store {databasePath} has schema version {fileVersion}, newer than the version {programVersion} this cstar knows; nothing was changed",
        "upgrade cstar to the version that wrote this store (or point --output-directory at another folder)");

    public static CstarException JobExists(string jobId, string databasePath) => new(
        $"a job {jobId} already exists in {databasePath}; nothing was changed",
        $"give --enforced-job-id a new UUID, or run cstar continue {jobId} to resume that job");

    public static CstarException UnknownJob(string jobId, string databasePath) => new(
        $"there is no job {jobId} in {databasePath}",
        "run cstar jobs to list the jobs this machine knows");
}
