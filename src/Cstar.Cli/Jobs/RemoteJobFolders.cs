using System.Text.Json;
using Cstar.Cli.Composition;
using Cstar.Cli.Verbs;
using Cstar.Core.Errors;
using Cstar.Core.Jobs;
using Cstar.Core.Ports;
using Cstar.Transport;

namespace Cstar.Cli.Jobs;

/// <summary>
/// What a job may have left on its hosts: <c>~/.cstar/remote-jobs/&lt;job&gt;</c> (output, and until its command
/// starts, the argument values). <c>cleanup-jobs</c> collects the started hosts of every remote job before it deletes
/// jobs, then removes the folders of the deleted ones on the hosts it can reach, over SSH with the job's own flags.
/// </summary>
internal sealed class RemoteJobFolders(IConsolePrompt prompt, TimeProvider time)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);
    private const string RemoveScript = "rm -rf -- \"$HOME/.cstar/remote-jobs/$1\"; rmdir -- \"$HOME/.cstar/remote-jobs\" 2>/dev/null; exit 0";

    private readonly Dictionary<string, (JobDefinition Definition, List<string> Hosts)> _jobs = new(StringComparer.Ordinal);

    /// <summary>Reads, before any deletion, which hosts each remote job ever started (unreadable jobs are skipped: their hosts are unknown).</summary>
    public void Collect(IJobCatalog store)
    {
        ArgumentNullException.ThrowIfNull(store);
        foreach (var row in store.ListJobs())
        {
            try
            {
                var job = store.LoadJob(row.JobId);
                var started = job.Hosts.Where(h => h.Attempt > 0 || h.StartedAt is not null).Select(h => h.Host).ToList();
                if (job.Definition.Runner == RunnerKind.Remote && started.Count > 0)
                {
                    _jobs[row.JobId] = (job.Definition, started);
                }
            }
            catch (CstarException)
            {
            }
        }
    }

    /// <summary>Removes the deleted job's folder on each of its started hosts; one line per job says where it could not.</summary>
    public async Task RemoveAsync(string jobId, TextWriter stdout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        if (!_jobs.TryGetValue(jobId, out var job))
        {
            return;
        }

        var words = JsonSerializer.Deserialize<string[]>(job.Definition.SchedulingPolicy) ?? [];
        JobOptions? options;
        try
        {
            options = Arguments.ArgumentParser.Parse<JobOptions>(VerbSyntaxes.StoredJobFlags, words).Options;
        }
        catch (CstarException)
        {
            options = null;
        }

        if (options is null)
        {
            await stdout.WriteLineAsync($"        {jobId}: its SSH flags no longer parse; remove ~/.cstar/remote-jobs/{jobId} on {string.Join(", ", job.Hosts)} by hand");
            return;
        }

        await using var transport = TransportFactory.Create(options, SshOptionsFactory.From(options, prompt), time);
        var failed = new List<string>();
        foreach (var host in job.Hosts)
        {
            try
            {
                var result = await transport.RunAsync(host, ["sh", "-c", RemoveScript, "cstar-cleanup", jobId], CommandTimeout, cancellationToken);
                if (result.ExitCode != 0)
                {
                    failed.Add(host);
                }
            }
            catch (Exception e) when (e is TransportException or IOException)
            {
                failed.Add(host);
            }
        }

        var removed = job.Hosts.Count - failed.Count;
        await stdout.WriteLineAsync(failed.Count == 0
            ? $"        {jobId}: removed ~/.cstar/remote-jobs/{jobId} on {removed} host(s)"
            : $"        {jobId}: removed ~/.cstar/remote-jobs/{jobId} on {removed} host(s); could not reach {string.Join(", ", failed)}: remove it there by hand");
    }
}
