using Cstar.Cli.Arguments;
using Cstar.Cli.Verbs;
using Cstar.Core.Errors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;

namespace Cstar.Cli.Settings;

/// <summary>
/// Defaults for job flags from `/etc/cstar/cstar.json`, `~/.cstar/cstar.json` and `CSTAR_*` variables (later wins),
/// read with Microsoft.Extensions.Configuration. Keys are flag names (`"ssh-username"`, env `CSTAR_SSH_USERNAME`);
/// `"clusters": {"prod": {...}}` holds settings used with `--cluster prod` (env `CSTAR_CLUSTERS__PROD__SEED_HOST`).
/// A password is never a setting.
/// </summary>
internal sealed class CstarSettings
{
    public const string Clusters = "clusters";

    /// <summary>Safe by default, explicit to loosen: these are given on the command line of the job that needs them, never as a standing default.</summary>
    private static readonly string[] Loosening = ["force", "yes-all-at-once", "ignore-down-nodes", "allow-schema-disagreement"];

    /// <summary>
    /// Never taken from settings: a secret (CSTAR_SSH_PASSWORD is the password itself, not a flag), one id per job,
    /// and the names cstar itself exports to the commands it runs (CSTAR_HOST, CSTAR_CLUSTER), so a nested cstar is not steered by them.
    /// </summary>
    private static readonly string[] NotSettings = ["ssh-password", "enforced-job-id", "cluster", "host", .. Loosening];

    private readonly IConfigurationRoot _root;

    private CstarSettings(IConfigurationRoot root, SettingsSources sources)
    {
        _root = root;
        Sources = sources;
    }

    public SettingsSources Sources { get; }

    public static CstarSettings Load(SettingsSources sources)
    {
        try
        {
            var root = new ConfigurationBuilder()
                .AddJsonFile(sources.SystemFile, optional: true, reloadOnChange: false)
                .AddJsonFile(sources.UserFile, optional: true, reloadOnChange: false)
                .AddEnvironmentVariables(sources.EnvironmentPrefix)
                .Build();
            var settings = new CstarSettings(root, sources);
            settings.RefuseUnknownFileKeys();
            return settings;
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or IOException)
        {
            throw new CstarException($"Cannot read the settings: {e.Message}{(e.InnerException is { } inner ? " " + inner.Message : string.Empty)}", $"Fix or remove {sources.UserFile} / {sources.SystemFile}.", ExitCode.Usage);
        }
    }

    /// <summary>The settings for the job flags: global ones, then those of the cluster alias over them.</summary>
    public IReadOnlyList<SettingValue> For(FlagTable table, string? cluster)
    {
        if (cluster is not null && !ClusterNames().Contains(cluster, StringComparer.OrdinalIgnoreCase))
        {
            var guess = Spelling.Closest(cluster, ClusterNames());
            throw new CstarException(
                $"--cluster '{cluster}' is not in the settings" + (guess is null ? "." : $"; did you mean `{guess}`?"),
                $"Define it in {Sources.UserFile}: {{\"clusters\": {{\"{cluster}\": {{\"seed-host\": [\"10.0.0.1\"]}}}}}}; cstar config show lists the aliases.",
                ExitCode.Usage);
        }

        var values = new List<SettingValue>();
        foreach (var flag in table.Flags.Where(f => !NotSettings.Contains(f.Name)))
        {
            var value = Find(flag, cluster is null ? string.Empty : $"{Clusters}:{cluster}:") ?? Find(flag, string.Empty);
            if (value is not null)
            {
                values.Add(value);
            }
        }

        return values;
    }

    public IReadOnlyList<string> ClusterNames() =>
        [.. _root.GetSection(Clusters).GetChildren().Select(c => c.Key).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];

    private SettingValue? Find(FlagSpec flag, string prefix)
    {
        foreach (var provider in _root.Providers.Reverse())
        {
            foreach (var path in new[] { prefix + flag.Name, prefix + flag.Name.Replace('-', '_') })
            {
                var children = provider.GetChildKeys([], path).Distinct().ToList();
                if (provider.TryGet(path, out var single) && single is not null)
                {
                    return new SettingValue(flag, [single], Describe(provider, path));
                }

                if (children.Count > 0)
                {
                    var list = children.Select(c => provider.TryGet(path + ":" + c, out var v) ? v : null).OfType<string>().ToList();
                    return new SettingValue(flag, list, Describe(provider, path));
                }
            }
        }

        return null;
    }

    private string Describe(IConfigurationProvider provider, string path) => provider switch
    {
        JsonConfigurationProvider json => json.Source.FileProvider?.GetFileInfo(json.Source.Path ?? string.Empty).PhysicalPath ?? json.Source.Path ?? "a settings file",
        EnvironmentVariablesConfigurationProvider => "environment " + Sources.EnvironmentPrefix + path.Replace(":", "__", StringComparison.Ordinal).Replace('-', '_').ToUpperInvariant(),
        _ => provider.ToString() ?? "settings",
    };

    /// <summary>A misspelt key in a file would silently do nothing: refuse it, naming the closest flag.</summary>
    private void RefuseUnknownFileKeys()
    {
        var flags = FlagTable.Of(typeof(JobOptions)).Flags.Select(f => f.Name).ToList();
        foreach (var provider in _root.Providers.OfType<JsonConfigurationProvider>())
        {
            var keys = provider.GetChildKeys([], null).Distinct(StringComparer.OrdinalIgnoreCase)
                .Concat(provider.GetChildKeys([], Clusters).Distinct(StringComparer.OrdinalIgnoreCase)
                    .SelectMany(c => provider.GetChildKeys([], $"{Clusters}:{c}").Distinct(StringComparer.OrdinalIgnoreCase)));
            foreach (var key in keys.Where(k => k != Clusters))
            {
                var name = key.Replace('_', '-').ToLowerInvariant();
                if (Loosening.Contains(name))
                {
                    throw new CstarException(
                        $"{Describe(provider, key)}: `{key}` loosens a safety rule, so it is not a setting.",
                        $"Give --{name} on the command line of the job that needs it.",
                        ExitCode.Usage);
                }

                if (!flags.Contains(name) || NotSettings.Contains(name))
                {
                    var guess = Spelling.Closest(name, flags);
                    throw new CstarException(
                        $"{Describe(provider, key)}: `{key}` is not a setting" + (guess is null ? "." : $"; did you mean `{guess}`?"),
                        "Keys are job flag names without the dashes in front, e.g. \"ssh-username\"; a password is never a setting.",
                        ExitCode.Usage);
                }
            }
        }
    }
}
