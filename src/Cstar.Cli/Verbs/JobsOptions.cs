using CommandLine;

namespace Cstar.Cli.Verbs;

[Verb("jobs", HelpText = "List jobs, show one, or print its output. Example: cstar jobs show 0b5e...")]
internal sealed class JobsOptions
{
    [Value(0, MetaName = "action", HelpText = "list (default), show <id>, log <id>.")]
    public IEnumerable<string> Action { get; set; } = [];
}
