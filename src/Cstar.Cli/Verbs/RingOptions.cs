using Cstar.Cli.Arguments;

namespace Cstar.Cli.Verbs;

/// <summary>`cstar ring`: Show clusters, DCs, racks and hosts as discovered from a seed. Example: cstar ring --seed-host 10.0.0.1</summary>
internal sealed class RingOptions : JobOptions
{
}
