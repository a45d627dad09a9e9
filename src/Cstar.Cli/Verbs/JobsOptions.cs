using CommandLine;

namespace Cstar.Cli.Verbs;

[Verb("jobs", HelpText = "List jobs, show one, or print its output. Examples: cstar jobs; cstar jobs show <id>; cstar jobs log <id> --host 10.0.0.1 --follow")]
internal sealed class JobsOptions
{
    [Value(0, MetaName = "action", HelpText = "list (default), show <job-id>, or log <job-id>.")]
    public IEnumerable<string> Action { get; set; } = [];

    [Option("host", HelpText = "jobs log: only this host's output.")]
    public string? Host { get; set; }

    [Option("follow", HelpText = "jobs log --host H: keep printing the host's output until it finishes.")]
    public bool Follow { get; set; }

    [Option("output", HelpText = "text (default) or json.")]
    public string? Output { get; set; }

    [Option("output-directory", HelpText = "Where the job store lives (default ~/.cstar).")]
    public string? OutputDirectory { get; set; }
}
