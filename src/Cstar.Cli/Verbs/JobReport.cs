using System.Text;
using Cstar.Core.Errors;
using Cstar.JobStore;
using Cstar.JobStore.Sqlite;
using Cstar.JobStore.Timeline;

namespace Cstar.Cli.Verbs;

/// <summary>`cstar jobs report &lt;id&gt; --html FILE`: the job's timeline as one HTML file (0600: it holds host output), or on stdout for "-".</summary>
internal static class JobReport
{
    public static async Task WriteAsync(SqliteJobStore store, string jobId, string? target, TextWriter stdout, TextWriter stderr, TimeProvider time)
    {
        if (string.IsNullOrEmpty(target))
        {
            throw new CstarException("cstar jobs report needs --html FILE: where to write the timeline.", $"Example: cstar jobs report {jobId} --html job.html", ExitCode.Usage);
        }

        var html = TimelineHtml.Render(TimelineReader.Read(store, jobId, time.GetUtcNow()));
        if (target == "-")
        {
            await stdout.WriteAsync(html);
            return;
        }

        try
        {
            await using var file = new FileStream(target, PrivateFiles.Options(FileMode.Create, FileAccess.Write, FileShare.Read));
            await file.WriteAsync(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(html));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CstarException($"cstar jobs report: {target} cannot be written: {e.Message}", "Give a path in a folder you can write to.", ExitCode.LocalStorage);
        }

        await stderr.WriteLineAsync($"Timeline of job {jobId} written to {Path.GetFullPath(target)} (open it in a browser; it loads nothing from the network).");
    }
}
