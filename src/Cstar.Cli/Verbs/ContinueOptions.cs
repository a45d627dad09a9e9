using Cstar.Cli.Arguments;

namespace Cstar.Cli.Verbs;

/// <summary>`cstar continue`: Resume a job where it stopped, never running a host twice. Example: cstar continue 0b5e4a52-8f2a-4c1e-9d0b-6f3c2e1a7b90 --retry-failed</summary>
internal sealed class ContinueOptions
{
    /// <summary>`job-id`: The id printed when the job started (see cstar jobs).</summary>
    [Value(0)]
    public string? JobId { get; set; }

    [Option("retry-failed", HelpText = "Run the hosts that failed, timed out or did not come back again.")]
    public bool RetryFailed { get; set; }

    [Option("seed-host", Separator = ',', HelpText = "More hosts to rediscover the ring from, tried after the job's seeds; then every ring member the job knows is tried.")]
    public IEnumerable<string> SeedHosts { get; set; } = [];

    [Option("reload-command", HelpText = "When the command's script changed on disk since the job started, run it as it is now instead of the copy stored with the job.")]
    public bool ReloadCommand { get; set; }

    [Option("stop-after", HelpText = "Start at most N more hosts in this run.")]
    public int? StopAfter { get; set; }

    [Option("detach", HelpText = "Continue the job in the background (its own session, no terminal; it survives logout); watch it with cstar attach.")]
    public bool Detach { get; set; }

    [Option('v', "verbose", FlagCounter = true, HelpText = "More on the console: -v each host's output and the job's log lines, -vv debug lines too (the job's flags may already say so).")]
    public int Verbose { get; set; }

    [Option("output-directory", HelpText = "Where the job store lives (default ~/.cstar).")]
    public string? OutputDirectory { get; set; }

    [Option("max-job-age", Hidden = true, HelpText = "Accepted for compatibility with cstar; ignored.")]
    public int? MaxJobAge { get; set; }
}
