using Cstar.Cli.Composition;
using Cstar.Cli.Jobs;
using Cstar.Cli.LiveView;
using Cstar.Cli.Verbs;
using Cstar.Core.Errors;
using Cstar.Core.Jobs;
using Cstar.Core.Jobs.Events;
using Cstar.JobStore.Events;
using Cstar.JobStore.Rendering;
using Cstar.JobStore.Sqlite;
using Cstar.JobStore.Timeline;
using Spectre.Console;

namespace Cstar.Cli.Attach;

/// <summary>
/// `cstar attach &lt;id&gt;`: follows a job run by another cstar (detached or in another terminal) through the job
/// folder's events.ndjson and the store, as `jobs log --follow` follows an output: everything from the start, then what
/// comes, until no live process runs the job (checked BEFORE the last read, so nothing written before is missed).
/// Only reads: Ctrl+C ends the watching, never the job.
/// </summary>
internal sealed class AttachVerb(TextWriter stdout, TextWriter stderr, TimeProvider time)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    public async Task<int> RunAsync(AttachOptions options)
    {
        var typed = options.JobId ?? throw new CstarException("cstar attach needs the job id.", "Run cstar jobs to see the running jobs, then cstar attach <job-id>.", ExitCode.Usage);
        using var store = JobStoreFactory.OpenExisting(options.OutputDirectory, time);
        var jobId = JobIdResolver.Resolve(typed, store.ListJobs());
        var job = store.LoadJob(jobId);
        var folder = store.Paths.JobFolder(jobId);
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            await stdout.WriteLineAsync($"Attached to job {jobId} ({job.Definition.CommandName}, {job.Hosts.Length} host(s)); Ctrl+C stops watching, the job goes on.");
            if (JobView.IsInteractive(stdout))
            {
                var model = AttachedLiveModel.Create(job, JobPlanRecord.Read(folder));
                var lastWasStart = false;
                await AnsiConsole.Live(LiveViewRenderer.Render(model, time.GetUtcNow())).AutoClear(false).StartAsync(async context =>
                    await FollowAsync(store, jobId, folder, e =>
                    {
                        AttachedLiveModel.Apply(model, jobId, e, lastWasStart);
                        lastWasStart = e.Type == JobEventTypes.HostStart && e.Field("attach") != "true";
                    }, () => context.UpdateTarget(LiveViewRenderer.Render(model, time.GetUtcNow())), stop.Token));
            }
            else
            {
                await FollowAsync(store, jobId, folder, e => stdout.WriteLine(AttachedEventLines.Line(e)), () => stdout.Flush(), stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await stdout.WriteLineAsync($"Stopped watching job {jobId}; it goes on running. cstar attach {jobId}{Jobs.ContinueCommand.StoreFlag(store.Paths.Root)} watches it again.");
            return 0;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }

        return await EndAsync(store, jobId);
    }

    private async Task FollowAsync(SqliteJobStore store, string jobId, string folder, Action<StoredEvent> apply, Action draw, CancellationToken stop)
    {
        var path = Path.Combine(folder, JobEventFile.FileName);
        long offset = 0;
        while (true)
        {
            stop.ThrowIfCancellationRequested();
            var gone = store.RunnerIsGone(jobId);
            var batch = StoredEventReader.Read(path, offset);
            offset = batch.NextOffset;
            foreach (var e in batch.Events)
            {
                apply(e);
            }

            draw();
            if (gone)
            {
                return;
            }

            await Task.Delay(Poll, time, stop);
        }
    }

    /// <summary>How the watching ended: the job ended (its state and counts), or its runner is gone (continue it).</summary>
    private async Task<int> EndAsync(SqliteJobStore store, string jobId)
    {
        var job = store.LoadJob(jobId);
        var counts = RunningJobProgress.Counts(HostCounts.Of(job.Hosts));
        if (job.State == JobState.Running)
        {
            await stderr.WriteLineAsync($"cstar attach: job {jobId} is not ended but its runner process is gone ({counts}). To go on: {Jobs.ContinueCommand.For(jobId, store.Paths.Root)}");
            return (int)ExitCode.Incomplete;
        }

        await stdout.WriteLineAsync($"Job {jobId} is {job.State.ToString().ToLowerInvariant()}{(job.StateReason is { } r ? ": " + r : string.Empty)} ({counts}). cstar jobs report {jobId} --html job.html draws its timeline.");
        return 0;
    }
}
