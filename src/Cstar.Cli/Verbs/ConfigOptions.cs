using Cstar.Cli.Arguments;

namespace Cstar.Cli.Verbs;

/// <summary>`cstar config`: Show the defaults set by cstar.json files and CSTAR_* variables, and where each comes from.</summary>
internal sealed class ConfigOptions
{
    /// <summary>`action`: show (the default).</summary>
    [Value(0)]
    public string? Action { get; set; }

    [Option("cluster", HelpText = "Also apply the settings of this cluster alias, as a job with --cluster NAME would.")]
    public string? Cluster { get; set; }
}
