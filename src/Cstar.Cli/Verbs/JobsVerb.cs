using Cstar.Cli.Composition;
using Cstar.Cli.Jobs;
using Cstar.Core.Errors;
using Cstar.Core.Jobs;
using Cstar.JobStore.Inspection;
using Cstar.JobStore.Output;
using Cstar.JobStore.Rendering;

namespace Cstar.Cli.Verbs;

/// <summary>`cstar jobs`, `jobs show &lt;id&gt;`, `jobs log &lt;id&gt; [--host H] [--follow]`: what ran where and what it printed.</summary>
internal sealed class JobsVerb(TextWriter stdout, TextWriter stderr, TimeProvider time)
{
    public async Task<int> RunAsync(JobsOptions options, CancellationToken cancellationToken)
    {
        var words = options.Action.ToList();
        var json = OutputFormats.Parse(options.Output) == OutputFormat.Json;
        if (words is not ([] or ["list"] or ["show", _] or ["log", _] or ["report", _]))
        {
            throw new CstarException(
                $"'cstar jobs {string.Join(' ', words)}' is not understood.",
                "Use: cstar jobs | cstar jobs show <job-id> | cstar jobs log <job-id> [--host H] [--follow] | cstar jobs report <job-id> --html FILE (a unique start of the id, or latest)",
                ExitCode.Usage);
        }

        if (words is [] or ["list"] && !JobStoreFactory.Exists(options.OutputDirectory))
        {
            // a fresh machine: nothing to list, and reading must not create ~/.cstar
            await stdout.WriteAsync(json ? JobJsonRenderer.Render([], []) + "\n" : JobListRenderer.Render([], []));
            return 0;
        }

        using var store = JobStoreFactory.OpenExisting(options.OutputDirectory, time);
        var outputs = new HostOutputReader(store, time);
        var inspector = new JobInspector(store, outputs);
        switch (words.FirstOrDefault() ?? "list")
        {
            case "list" when words.Count <= 1:
                var jobs = inspector.List();
                var unreadable = inspector.FindUnreadable();
                await stdout.WriteAsync(json ? JobJsonRenderer.Render(jobs, unreadable) + "\n" : JobListRenderer.Render(jobs, unreadable, time.GetUtcNow()));
                return 0;
            case "show" when words.Count == 2:
                var details = inspector.Show(JobIdResolver.Resolve(words[1], store.ListJobs()));
                await stdout.WriteAsync(json ? JobJsonRenderer.Render(details) + "\n" : JobDetailsRenderer.Render(details));
                if (!json && File.Exists(Path.Combine(details.Folder, Logging.JobFolderFileSink.FileName)))
                {
                    await stdout.WriteAsync($"\nJob log: {Path.Combine(details.Folder, Logging.JobFolderFileSink.FileName)}\n");
                }

                return 0;
            case "log" when words.Count == 2 && options.Follow:
                var host = options.Host ?? throw new CstarException("--follow needs --host: it follows one host's output.", $"Example: cstar jobs log {words[1]} --host 10.0.0.1 --follow", ExitCode.Usage);
                var followId = JobIdResolver.Resolve(words[1], store.ListJobs());
                if (!await outputs.FollowAsync(followId, host, OutputChannel.Out, stdout, TimeSpan.FromMilliseconds(500), cancellationToken))
                {
                    var state = store.FindHost(followId, host)?.Kind.ToString().ToLowerInvariant() ?? "unknown";
                    var job = store.FindJobState(followId) is JobState.Running ? "its runner process is gone" : "the job is not running";
                    await stderr.WriteLineAsync($"cstar jobs log --follow: {job}; {host} is {state} and nothing more will come. To go on: {Jobs.ContinueCommand.For(followId, store.Paths.Root)}");
                }

                return 0;
            case "report" when words.Count == 2:
                await JobReport.WriteAsync(store, JobIdResolver.Resolve(words[1], store.ListJobs()), options.Html, stdout, stderr, time);
                return 0;
            case "log" when words.Count == 2:
                await JobLogRenderer.WriteAsync(inspector.Show(JobIdResolver.Resolve(words[1], store.ListJobs())), outputs, stdout, options.Host, cancellationToken);
                return 0;
            default:
                throw new CstarException(
                    $"'cstar jobs {string.Join(' ', words)}' is not understood.",
                    "Use: cstar jobs | cstar jobs show <job-id> | cstar jobs log <job-id> [--host H] [--follow]",
                    ExitCode.Usage);
        }
    }
}
