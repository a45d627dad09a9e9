using System.Text;
using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.JobStore.Output;
using Cstar.JobStore.Sqlite;

namespace Cstar.Cli.Jobs;

/// <summary>
/// The end of a run: hosts grouped by identical output (as `clush -b` does), failures first, then the
/// outcome and, when the job can go on, the line that resumes it.
/// </summary>
internal static class RunSummary
{
    public static async Task PrintAsync(TextWriter stdout, SqliteJobStore store, JobOutcome outcome, bool resumable = true)
    {
        var job = store.LoadJob(outcome.JobId);
        var reader = new HostOutputReader(store, TimeProvider.System);
        var groups = job.Hosts
            .Where(h => h.Kind is not HostRunStateKind.Pending)
            .Select(h => (Host: h, Output: Output(reader, outcome.JobId, h)))
            .GroupBy(x => (Failed: IsFailure(x.Host.Kind), x.Host.Kind, x.Output))
            .OrderByDescending(g => g.Key.Failed)
            .ThenBy(g => g.Key.Kind)
            .ToList();
        await stdout.WriteLineAsync();
        foreach (var group in groups)
        {
            var hosts = string.Join(", ", group.Select(x => x.Host.Host));
            var first = group.First().Host;
            var state = first.Kind + (first.ExitCode is { } code && code != 0 ? $" (exit {code})" : string.Empty) + (IsFailure(first.Kind) && first.Reason is { } r ? ": " + r : string.Empty);
            await stdout.WriteLineAsync($"---------------- {group.Count()} host(s) {state}: {hosts}");
            if (group.Key.Output.Length > 0)
            {
                await stdout.WriteAsync(group.Key.Output.EndsWith('\n') ? group.Key.Output : group.Key.Output + "\n");
            }
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

    private static string Output(HostOutputReader reader, string jobId, HostRunState host)
    {
        var text = new StringBuilder(reader.ReadAll(jobId, host.Host, OutputChannel.Out));
        var err = reader.ReadAll(jobId, host.Host, OutputChannel.Err);
        if (err.Length > 0)
        {
            text.Append("stderr:\n").Append(err);
        }

        return text.ToString();
    }
}
