using CommandLine;

namespace Cstar.Cli.Verbs;

[Verb("run", HelpText = "Run a shell command on every node. Example: cstar run --command 'nodetool flush' --seed-host 10.0.0.1 --topology")]
internal sealed class RunOptions : JobOptions
{
    [Option("command", HelpText = "The shell command to run on each host.")]
    public string? Command { get; set; }
}
