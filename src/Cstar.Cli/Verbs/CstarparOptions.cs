using CommandLine;

namespace Cstar.Cli.Verbs;

/// <summary>cstarpar has no verbs: a local command line, run once per host with {} replaced by its address.</summary>
internal sealed class CstarparOptions : JobOptions
{
    [Value(0, MetaName = "command", HelpText = "The local command to run for each host; {} becomes the host. Example: cstarpar --seed-host 10.0.0.1 -- ssh {} sudo reboot")]
    public IEnumerable<string> Command { get; set; } = [];
}
