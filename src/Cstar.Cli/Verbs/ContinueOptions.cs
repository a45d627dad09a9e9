using CommandLine;

namespace Cstar.Cli.Verbs;

[Verb("continue", HelpText = "Resume a job where it stopped, never running a host twice. Example: cstar continue 0b5e...")]
internal sealed class ContinueOptions
{
    [Value(0, MetaName = "job-id", HelpText = "The id printed when the job started (see cstar jobs).")]
    public string? JobId { get; set; }
}
