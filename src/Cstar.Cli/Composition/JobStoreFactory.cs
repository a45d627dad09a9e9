using Cstar.Core.Errors;
using Cstar.JobStore;
using Cstar.JobStore.Sqlite;

namespace Cstar.Cli.Composition;

/// <summary>Opens the job store under --output-directory or ~/.cstar; read-only verbs first ask whether there is one.</summary>
internal static class JobStoreFactory
{
    public static SqliteJobStore Open(string? outputDirectory, TimeProvider time) =>
        SqliteJobStore.Open(Options(outputDirectory) with { Time = time });

    /// <summary>Where the store's database is (or would be); reading verbs do not create it.</summary>
    public static string DatabasePath(string? outputDirectory) => Options(outputDirectory).Paths.DatabasePath;

    /// <summary>Whether the store's database file is there; false for any folder it cannot be in (the open says why, later).</summary>
    public static bool DatabaseExists(string? outputDirectory)
    {
        try
        {
            return File.Exists(DatabasePath(outputDirectory));
        }
        catch (Exception e) when (e is ArgumentException or IOException or NotSupportedException or System.Security.SecurityException)
        {
            return false;
        }
    }

    public static bool Exists(string? outputDirectory)
    {
        if (outputDirectory is not null && File.Exists(outputDirectory))
        {
            throw new CstarException(
                $"--output-directory {outputDirectory} is a file, not a folder: cstar cannot keep or read jobs there.",
                "Give a folder (cstar creates it), or leave --output-directory out to use ~/.cstar.",
                ExitCode.LocalStorage);
        }

        return File.Exists(DatabasePath(outputDirectory));
    }

    /// <summary>The store for a verb that only reads it or acts on existing jobs: an error, not a new empty store, when there is none.</summary>
    public static SqliteJobStore OpenExisting(string? outputDirectory, TimeProvider time) =>
        Exists(outputDirectory)
            ? Open(outputDirectory, time)
            : throw new CstarException($"There are no jobs: {DatabasePath(outputDirectory)} does not exist.", "Pass the --output-directory the job used, or start a job first.", ExitCode.UserError);

    private static JobStoreOptions Options(string? outputDirectory) =>
        outputDirectory is null ? new JobStoreOptions(JobStorePaths.Default()) : JobStoreOptions.At(outputDirectory);
}
