using CommandLine;

namespace Cstar.Cli.Verbs;

[Verb("config", HelpText = "Show the defaults set by cstar.json files and CSTAR_* variables, and where each comes from.")]
internal sealed class ConfigOptions
{
    [Value(0, MetaName = "action", HelpText = "show (the default).")]
    public string? Action { get; set; }

    [Option("cluster", HelpText = "Also apply the settings of this cluster alias, as a job with --cluster NAME would.")]
    public string? Cluster { get; set; }
}
