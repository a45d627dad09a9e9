using Cstar.Cli.Composition;
using Cstar.Cli.Jobs;
using Cstar.Core.Commands;
using Cstar.Core.Errors;
using Cstar.Core.Jobs;
using Cstar.Core.Jobs.Controls;

namespace Cstar.Cli.Verbs;

/// <summary>
/// `cstar pause|resume|set JOB-ID`: appends the operator's request (with user@host and --reason) to the job store.
/// The job's runner applies it at its next decision; with no runner, the next `cstar continue` does.
/// </summary>
internal sealed class ControlVerb(TextWriter stdout, TimeProvider time)
{
    public Task<int> PauseAsync(ControlOptions options) => SendAsync(options, [(JobControlKind.Pause, null)]);

    public Task<int> ResumeAsync(ControlOptions options) => SendAsync(options, [(JobControlKind.Resume, null)]);

    public Task<int> SetAsync(SetOptions options)
    {
        var changes = new List<(JobControlKind, string?)>();
        if (options.MaxConcurrency is int max)
        {
            changes.Add((JobControlKind.MaxConcurrency, Positive(max, "--max-concurrency")));
        }

        if (options.MaxConcurrencyPerDc is int perDc)
        {
            changes.Add((JobControlKind.MaxConcurrencyPerDc, Positive(perDc, "--max-concurrency-per-dc")));
        }

        if (options.NodeDonePauseTime is { } pause)
        {
            changes.Add((JobControlKind.NodeDonePauseTime, DurationText.TryParse(pause, out var parsed)
                ? DurationText.Format(parsed)
                : throw Usage($"`--node-done-pause-time` '{pause}' is not a duration such as 30, 30s or 5m.")));
        }

        return changes.Count > 0
            ? SendAsync(options, changes)
            : throw Usage("cstar set needs --max-concurrency N, --max-concurrency-per-dc N or --node-done-pause-time D.");
    }

    /// <summary>Who sent a request, as the log shows it: user@host.</summary>
    public static string Who() => $"{Environment.UserName}@{Environment.MachineName}";

    private async Task<int> SendAsync(ControlOptions options, List<(JobControlKind Kind, string? Value)> changes)
    {
        var typed = options.JobId ?? throw Usage("give the job id (see cstar jobs).");
        using var store = JobStoreFactory.OpenExisting(options.OutputDirectory, time);
        var jobId = JobIdResolver.Resolve(typed, store.ListJobs());
        foreach (var (kind, value) in changes)
        {
            var control = store.RequestControl(jobId, kind, value, Who(), options.Reason, time.GetUtcNow());
            await stdout.WriteLineAsync($"Job {jobId}: {control.Describe()} recorded (request {control.Sequence}).");
        }

        var running = store.LoadJob(jobId).State == JobState.Running;
        await stdout.WriteLineAsync(running
            ? "Its runner applies it at its next decision (within seconds); hosts already running finish either way."
            : $"No runner runs this job now: {Jobs.ContinueCommand.For(jobId, store.Paths.Root)} applies it when the job goes on.");
        if (changes.Any(c => c.Kind == JobControlKind.Pause))
        {
            await stdout.WriteLineAsync($"To go on: cstar resume {jobId}{Jobs.ContinueCommand.StoreFlag(store.Paths.Root)}");
        }

        return 0;
    }

    private static string Positive(int value, string flag) =>
        value > 0 ? value.ToString(System.Globalization.CultureInfo.InvariantCulture) : throw Usage($"`{flag}` must be 1 or more; got {value}.");

    private static CstarException Usage(string message) => new(message, "See cstar set --help.", ExitCode.Usage);
}
