using Cstar.Cli.Arguments;

namespace Cstar.Cli.Verbs;

/// <summary>cstarpar has no verbs: a local command line, run once per host with {} replaced by its address.</summary>
internal sealed class CstarparOptions : JobOptions
{
    /// <summary>`command`: The local command to run for each host; {} becomes the host. Example: cstarpar --seed-host 10.0.0.1 -- ssh {} sudo reboot</summary>
    [Value(0)]
    public IEnumerable<string> Command { get; set; } = [];
}
