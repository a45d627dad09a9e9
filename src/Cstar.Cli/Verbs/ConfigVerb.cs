using Cstar.Cli.Arguments;
using Cstar.Cli.Settings;
using Cstar.Core.Errors;

namespace Cstar.Cli.Verbs;

/// <summary>`cstar config show`: the effective default of every job flag that has one, and the file or variable it came from.</summary>
internal sealed class ConfigVerb(TextWriter stdout)
{
    public async Task<int> RunAsync(ConfigOptions options, CstarSettings settings)
    {
        if (options.Action is not (null or "show"))
        {
            throw new CstarException($"'cstar config {options.Action}' is not understood.", "Use: cstar config show [--cluster NAME]", ExitCode.Usage);
        }

        var sources = settings.Sources;
        await stdout.WriteLineAsync("Defaults for job flags, lowest first (a flag on the command line overrides them all):");
        await stdout.WriteLineAsync($"  {sources.SystemFile} ({(File.Exists(sources.SystemFile) ? "read" : "absent")})");
        await stdout.WriteLineAsync($"  {sources.UserFile} ({(File.Exists(sources.UserFile) ? "read" : "absent")})");
        await stdout.WriteLineAsync($"  environment {sources.EnvironmentPrefix}* (e.g. {sources.EnvironmentPrefix}SSH_USERNAME, {sources.EnvironmentPrefix}CLUSTERS__PROD__SEED_HOST)");
        await stdout.WriteLineAsync();
        var table = FlagTable.Of(typeof(JobOptions));
        var values = settings.For(table, options.Cluster);
        await stdout.WriteLineAsync(values.Count == 0 ? "No defaults set: every flag has its built-in default (see cstar run --help)." : $"Effective{(options.Cluster is null ? string.Empty : $" with --cluster {options.Cluster}")}:");
        foreach (var value in values)
        {
            await stdout.WriteLineAsync($"  {value.Flag.Name,-24} {string.Join(',', value.Values),-30} from {value.Source}");
        }

        var clusters = settings.ClusterNames();
        if (clusters.Count > 0)
        {
            await stdout.WriteLineAsync();
            await stdout.WriteLineAsync($"Cluster aliases (use with --cluster NAME): {string.Join(", ", clusters)}");
        }

        return 0;
    }
}
