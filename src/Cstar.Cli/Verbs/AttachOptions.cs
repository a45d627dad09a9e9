using Cstar.Cli.Arguments;

namespace Cstar.Cli.Verbs;

/// <summary>`cstar attach`: Watch a running job from any terminal; Ctrl+C leaves it running. Example: cstar attach latest</summary>
internal sealed class AttachOptions
{
    /// <summary>`job-id`: The job to watch (a unique start of its id, or latest).</summary>
    [Value(0)]
    public string? JobId { get; set; }

    [Option("output-directory", HelpText = "Where the job store lives (default ~/.cstar).")]
    public string? OutputDirectory { get; set; }
}
