using Cstar.JobStore;
using Cstar.JobStore.Sqlite;

namespace Cstar.Cli.Composition;

/// <summary>Opens the job store under --output-directory or ~/.cstar.</summary>
internal static class JobStoreFactory
{
    public static SqliteJobStore Open(string? outputDirectory, TimeProvider time) =>
        SqliteJobStore.Open((outputDirectory is null ? new JobStoreOptions(JobStorePaths.Default()) : JobStoreOptions.At(outputDirectory)) with { Time = time });
}
