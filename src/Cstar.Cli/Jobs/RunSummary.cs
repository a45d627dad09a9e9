using System.Globalization;
using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.Core.Topology;
using Cstar.JobStore.Output;
using Cstar.JobStore.Sqlite;

namespace Cstar.Cli.Jobs;

/// <summary>
/// The end of a run: hosts grouped by identical output (as `clush -b` does), failures first, then the
/// outcome and, when the job can go on, the line that resumes it. Outputs are grouped by length and SHA-256
/// read in pieces, and each group prints its first and last lines only (<see cref="OutputExcerpt"/>) with the
/// path of the full file: memory stays flat whatever the hosts printed. Hosts are listed in <see cref="HostOrder"/>.
/// </summary>
internal static class RunSummary
{
    public static async Task PrintAsync(TextWriter stdout, SqliteJobStore store, JobOutcome outcome, HostOrder order, bool resumable = true, Func<string, string>? label = null)
    {
        var job = store.LoadJob(outcome.JobId);
        var reader = new HostOutputReader(store, TimeProvider.System);
        var hosts = job.Hosts.Where(h => h.Kind is not HostRunStateKind.Pending).OrderBy(h => h.Host, order).ToList();
        var groups = OutputGroups.Of(reader, outcome.JobId, hosts)
            .OrderByDescending(g => IsFailure(g[0].Kind))
            .ThenBy(g => g[0].Kind)
            .ToList();
        await stdout.WriteLineAsync();
        foreach (var group in groups)
        {
            var first = group[0];
            var exit = first.ExitCode is { } code && code != 0 ? $" (exit {code})" : string.Empty;
            await stdout.WriteLineAsync($"---------------- {group.Count} host(s) {StateNames.Of(first.Kind)}{exit}: {string.Join(", ", group.Select(h => label?.Invoke(h.Host) ?? h.Host))}");
            if (IsFailure(first.Kind) && Why(first) is { } why)
            {
                await stdout.WriteLineAsync("why: " + why);
            }

            await PrintExcerptAsync(stdout, reader, outcome.JobId, first.Host, OutputChannel.Out);
            await PrintExcerptAsync(stdout, reader, outcome.JobId, first.Host, OutputChannel.Err);
        }

        await stdout.WriteLineAsync();
        await stdout.WriteLineAsync(OutcomeLine(outcome, HostCounts.Of(job.Hosts)));
        if (resumable && outcome.ResumeCommand is not null)
        {
            await stdout.WriteLineAsync($"To resume, run {ContinueCommand.For(outcome.JobId, store.Paths.Root)}");
        }
    }

    /// <summary>
    /// <c>Job ID: state: reason (counts)</c>, without saying a thing twice: the state is left out when the reason
    /// begins with it, the counts when the job succeeded (its reason has them).
    /// </summary>
    public static string OutcomeLine(JobOutcome outcome, HostCounts counts)
    {
        var state = StateNames.Of(outcome.State);
        var reason = outcome.Reason.StartsWith(state, StringComparison.OrdinalIgnoreCase) ? outcome.Reason : $"{state}: {outcome.Reason}";
        return outcome.ExitCode == Core.Errors.ExitCode.Success ? $"Job {outcome.JobId}: {reason}" : $"Job {outcome.JobId}: {reason} ({Counts(counts)})";
    }

    private static string Counts(HostCounts c)
    {
        var parts = new (int Count, string Name)[]
        {
            (c.Succeeded, "succeeded"), (c.Failed, "failed"), (c.TimedOut, "timed out"), (c.DidNotComeBack, "did not come back"),
            (c.Skipped, "skipped"), (c.Starting + c.Running, "still running"), (c.Pending, "not run"),
        };
        return string.Join(", ", parts.Where(p => p.Count > 0).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Count} {p.Name}")));
    }

    /// <summary>The recorded reason, unless it only repeats the exit code the header already gives.</summary>
    private static string? Why(HostRunState host) =>
        host.Reason is { Length: > 0 } reason && !(host.ExitCode is { } code && reason == $"exit {code}") ? reason : null;

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
