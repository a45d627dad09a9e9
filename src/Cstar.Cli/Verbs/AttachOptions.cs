using CommandLine;

namespace Cstar.Cli.Verbs;

[Verb("attach", HelpText = "Watch a running job from any terminal; Ctrl+C leaves it running. Example: cstar attach latest")]
internal sealed class AttachOptions
{
    [Value(0, MetaName = "job-id", HelpText = "The job to watch (a unique start of its id, or latest).")]
    public string? JobId { get; set; }

    [Option("output-directory", HelpText = "Where the job store lives (default ~/.cstar).")]
    public string? OutputDirectory { get; set; }
}
