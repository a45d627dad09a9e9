using Cstar.Core.Jobs;

namespace Cstar.JobStore;

/// <summary>
/// Where the store keeps things under its root (default <c>~/.cstar</c>; <c>--output-directory</c> maps here):
/// <c>jobs.db</c> (+ -wal, -shm) and <c>jobs/&lt;job-id&gt;/&lt;host&gt;/out, err, status</c> as cstar lays them out.
/// </summary>
public sealed class JobStorePaths
{
    /// <summary>Prefix of a job folder being deleted (renamed first, so a crash never leaves half a job visible).</summary>
    internal const string DeletingPrefix = ".deleting-";

    public JobStorePaths(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public string DatabasePath => Path.Combine(Root, "jobs.db");

    public string JobsFolder => Path.Combine(Root, "jobs");

    public static JobStorePaths Default() =>
        new(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cstar"));

    public string JobFolder(string jobId) => Path.Combine(JobsFolder, JobIds.Validate(jobId));

    public string HostFolder(string jobId, string host) => Path.Combine(JobFolder(jobId), JobIds.ValidateHost(host));

    public string OutputFile(string jobId, string host, OutputChannel channel) =>
        Path.Combine(HostFolder(jobId, host), channel == OutputChannel.Out ? "out" : "err");

    /// <summary>What a <c>--detach</c>ed runner prints (it has no terminal): <c>detached/&lt;job-id&gt;.out</c>, deleted with the job.</summary>
    public string DetachedConsole(string jobId) => Path.Combine(Root, "detached", JobIds.Validate(jobId) + ".out");

    public string StatusFile(string jobId, string host) => Path.Combine(HostFolder(jobId, host), "status");

    /// <summary>Every file the database may consist of, for checks that must see all of it.</summary>
    public IEnumerable<string> DatabaseFiles() => [DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm", DatabasePath + "-journal"];
}
