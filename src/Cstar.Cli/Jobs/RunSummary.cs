using System.Globalization;
using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.JobStore.Output;
using Cstar.JobStore.Sqlite;

namespace Cstar.Cli.Jobs;

/// <summary>
/// The end of a run: hosts grouped by identical output (as `clush -b` does), failures first, then the
/// outcome and, when the job can go on, the line that resumes it. Outputs are grouped by length and SHA-256
/// read in pieces, and each group prints its first and last lines only (<see cref="OutputExcerpt"/>) with the
/// path of the full file: memory stays flat whatever the hosts printed.
/// </summary>
internal static class RunSummary
{
    public static async Task PrintAsync(TextWriter stdout, SqliteJobStore store, JobOutcome outcome, bool resumable = true)
    {
        var job = store.LoadJob(outcome.JobId);
        var reader = new HostOutputReader(store, TimeProvider.System);
        var groups = OutputGroups.Of(reader, outcome.JobId, job.Hosts.Where(h => h.Kind is not HostRunStateKind.Pending).ToList())
            .OrderByDescending(g => IsFailure(g[0].Kind))
            .ThenBy(g => g[0].Kind)
            .ToList();
        await stdout.WriteLineAsync();
        foreach (var group in groups)
        {
            var hosts = string.Join(", ", group.Select(h => h.Host));
            var first = group[0];
            var state = first.Kind + (first.ExitCode is { } code && code != 0 ? $" (exit {code})" : string.Empty) + (IsFailure(first.Kind) && first.Reason is { } r ? ": " + r : string.Empty);
            await stdout.WriteLineAsync($"---------------- {group.Count} host(s) {state}: {hosts}");
            await PrintExcerptAsync(stdout, reader, outcome.JobId, first.Host, OutputChannel.Out);
            await PrintExcerptAsync(stdout, reader, outcome.JobId, first.Host, OutputChannel.Err);
        }

        var counts = job.Hosts.GroupBy(h => h.Kind).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}");
        await stdout.WriteLineAsync();
        await stdout.WriteLineAsync($"Job {outcome.JobId}: {outcome.State.ToString().ToLowerInvariant()}: {outcome.Reason} ({string.Join(", ", counts)})");
        if (resumable && outcome.ResumeCommand is { } resume)
        {
            await stdout.WriteLineAsync($"To resume, run {resume}");
        }
    }

    private static bool IsFailure(HostRunStateKind kind) => kind is HostRunStateKind.Failed or HostRunStateKind.TimedOut or HostRunStateKind.DidNotComeBack;

    /// <summary>A channel's head and tail; between them, how much was left out and where the whole of it is.</summary>
    private static async Task PrintExcerptAsync(TextWriter stdout, HostOutputReader reader, string jobId, string host, OutputChannel channel)
    {
        var excerpt = reader.Excerpt(jobId, host, channel);
        if (excerpt.Length == 0)
        {
            return;
        }

        if (channel == OutputChannel.Err)
        {
            await stdout.WriteLineAsync("stderr:");
        }

        await WriteLinesAsync(stdout, excerpt.Head);
        if (!excerpt.IsWhole)
        {
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"[... {excerpt.SkippedBytes:N0} of {excerpt.Length:N0} bytes not shown; the full output is in {reader.PathOf(jobId, host, channel)} ...]"));
            await WriteLinesAsync(stdout, excerpt.Tail);
        }
    }

    /// <summary>Writes text and ends it with a newline if it has none, so a last line never swallows the next one.</summary>
    private static async Task WriteLinesAsync(TextWriter stdout, string text)
    {
        if (text.Length > 0)
        {
            await stdout.WriteAsync(text.EndsWith('\n') ? text : text + "\n");
        }
    }
}
