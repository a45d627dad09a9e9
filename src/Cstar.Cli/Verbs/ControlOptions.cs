using Cstar.Cli.Arguments;

namespace Cstar.Cli.Verbs;

/// <summary>`cstar pause JOB-ID` and `cstar resume JOB-ID`.</summary>
internal class ControlOptions
{
    /// <summary>`job-id`: The job's id, a unique start of it, or latest.</summary>
    [Value(0)]
    public string? JobId { get; set; }

    [Option("reason", HelpText = "Why: recorded with the request in the job's log and events, with who sent it.")]
    public string? Reason { get; set; }

    [Option("output-directory", HelpText = "Where the job store lives (default ~/.cstar).")]
    public string? OutputDirectory { get; set; }
}

/// <summary>`cstar set JOB-ID` and the settings it may change.</summary>
internal sealed class SetOptions : ControlOptions
{
    [Option('j', "max-concurrency", HelpText = "At most N hosts running at once, overall, from the runner's next decision.")]
    public int? MaxConcurrency { get; set; }

    [Option("max-concurrency-per-dc", HelpText = "At most N hosts running at once per DC, from the runner's next decision.")]
    public int? MaxConcurrencyPerDc { get; set; }

    [Option("node-done-pause-time", HelpText = "Pause this long after each host succeeds before the next starts, e.g. 30 (seconds), 30s, 5m.")]
    public string? NodeDonePauseTime { get; set; }
}
