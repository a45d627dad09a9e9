using System.Text;
using Cstar.Core.Jobs;
using Cstar.JobStore.Events;
using Cstar.JobStore.Output;
using Cstar.JobStore.Sqlite;

namespace Cstar.JobStore.Timeline;

/// <summary>
/// Gathers a job's timeline from the store (hosts, their states and times), the job folder's <c>events.ndjson</c>
/// and <c>plan.json</c>, and the head of each host's stored output (bounded: <see cref="HeadLines"/> lines,
/// <see cref="HeadChars"/> characters of each channel, whatever the output's size).
/// </summary>
public static class TimelineReader
{
    public const int HeadLines = 12;
    public const int HeadChars = 1200;

    public static JobTimeline Read(SqliteJobStore store, string jobId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(store);
        var job = store.LoadJob(jobId);
        var folder = store.Paths.JobFolder(jobId);
        var events = StoredEventReader.Read(Path.Combine(folder, JobEventFile.FileName));
        return TimelineBuilder.Build(new TimelineInputs(
            job, store.RunnerIsGone(jobId) && job.State == JobState.Running, events.Events, events.Unreadable, JobPlanRecord.Read(folder),
            host => OutputHead(store.Paths, jobId, host), now));
    }

    private static string OutputHead(JobStorePaths paths, string jobId, string host)
    {
        var text = new StringBuilder();
        foreach (var channel in new[] { OutputChannel.Out, OutputChannel.Err })
        {
            var head = Head(OutputExcerpt.Of(paths.OutputFile(jobId, host, channel)));
            if (head.Length > 0)
            {
                text.Append(channel == OutputChannel.Err ? (text.Length > 0 ? "\n--- stderr ---\n" : "--- stderr ---\n") : string.Empty).Append(head);
            }
        }

        return text.ToString();
    }

    private static string Head(OutputExcerpt excerpt)
    {
        var lines = excerpt.Head.Split('\n');
        var head = string.Join('\n', lines.Take(HeadLines)).TrimEnd('\n');
        var cut = lines.Length > HeadLines + 1 || !excerpt.IsWhole;
        if (head.Length > HeadChars)
        {
            head = head[..HeadChars];
            cut = true;
        }

        return cut ? head + "\n…" : head;
    }
}
