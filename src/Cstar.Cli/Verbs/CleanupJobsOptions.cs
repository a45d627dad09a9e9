using Cstar.Cli.Arguments;

namespace Cstar.Cli.Verbs;

/// <summary>`cstar cleanup-jobs`: Delete finished jobs older than --max-job-age days (counted from their end). Example: cstar cleanup-jobs --max-job-age 30</summary>
internal sealed class CleanupJobsOptions
{
    [Option("max-job-age", Default = 7, HelpText = "Age in days, counted from the job's end.")]
    public int MaxJobAge { get; set; }

    [Option("force", HelpText = "Also delete unreadable jobs and unfinished jobs whose process is gone.")]
    public bool Force { get; set; }

    [Option("output-directory", HelpText = "Where the job store lives (default ~/.cstar).")]
    public string? OutputDirectory { get; set; }
}
