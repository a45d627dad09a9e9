using Cstar.Cli.Composition;
using Cstar.Core.Errors;
using Cstar.JobStore.Cleanup;
using Cstar.JobStore.Inspection;
using Cstar.JobStore.Output;

namespace Cstar.Cli.Verbs;

/// <summary>
/// `cstar cleanup-jobs`: deletes only finished jobs older than --max-job-age days (from their end), lists
/// what it deletes, and keeps (and reports) unfinished or unreadable jobs unless --force. A deleted job's
/// <c>~/.cstar/remote-jobs/&lt;job&gt;</c> is removed on the hosts it started that can be reached.
/// </summary>
internal sealed class CleanupJobsVerb(TextWriter stdout, IConsolePrompt prompt, TimeProvider time)
{
    public async Task<int> RunAsync(CleanupJobsOptions options)
    {
        if (options.MaxJobAge < 0)
        {
            throw new CstarException("--max-job-age cannot be negative.", "Give a number of days, e.g. --max-job-age 30.", ExitCode.Usage);
        }

        if (!JobStoreFactory.Exists(options.OutputDirectory))
        {
            await stdout.WriteLineAsync("0 job(s) deleted, 0 kept (no job store yet).");
            return 0;
        }

        using var store = JobStoreFactory.Open(options.OutputDirectory, time);
        var inspector = new JobInspector(store, new HostOutputReader(store, time));
        var remote = new Jobs.RemoteJobFolders(prompt, time);
        remote.Collect(store);
        var report = new JobCleaner(store, inspector, time).Run(TimeSpan.FromDays(options.MaxJobAge), options.Force);
        foreach (var deleted in report.Deleted)
        {
            await stdout.WriteLineAsync($"deleted {deleted.JobId}: {deleted.Why}");
            await remote.RemoveAsync(deleted.JobId, stdout, CancellationToken.None);
        }

        foreach (var kept in report.Kept)
        {
            await stdout.WriteLineAsync($"kept    {kept.JobId}: {kept.Why}");
        }

        await stdout.WriteLineAsync($"{report.Deleted.Length} job(s) deleted, {report.Kept.Length} kept.");
        return 0;
    }
}
