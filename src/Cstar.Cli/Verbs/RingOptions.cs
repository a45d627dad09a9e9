using CommandLine;

namespace Cstar.Cli.Verbs;

[Verb("ring", HelpText = "Show clusters, DCs, racks and hosts as discovered from a seed. Example: cstar ring --seed-host 10.0.0.1")]
internal sealed class RingOptions : JobOptions
{
}
