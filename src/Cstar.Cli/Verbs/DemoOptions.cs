using CommandLine;

namespace Cstar.Cli.Verbs;

[Verb("demo", HelpText = "A safe rolling restart on a built-in simulated ring, no cluster needed. Example: cstar demo")]
internal sealed class DemoOptions
{
    [Option("nodes", Default = 12, HelpText = "Number of simulated nodes.")]
    public int Nodes { get; set; }
}
