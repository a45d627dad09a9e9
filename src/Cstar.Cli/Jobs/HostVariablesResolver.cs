using System.Collections.Immutable;
using Cstar.Core.Commands;
using Cstar.Core.Errors;
using Cstar.Core.Jobs;
using Cstar.Core.Topology;
using Cstar.Ring.Hosts;

namespace Cstar.Cli.Jobs;

/// <summary>
/// Turns a checked <see cref="HostVariablesFile"/> into the job's <see cref="HostVariables"/>, keyed by node
/// address, before anything runs: each key is matched to the ring like a --host name (an address, or a name
/// that resolves to one); a key that is no node of the ring is a warning; a placeholder some target host has
/// no value for is an error listing the hosts and names — a job never starts with a literal {{name}} on one host.
/// </summary>
internal static class HostVariablesResolver
{
    private const int MaxListed = 20;

    /// <summary>The texts whose placeholders are substituted: the literal argument values (cstar), or the command's words (cstarpar).</summary>
    public static IEnumerable<string> TextsOf(JobLaunch launch) => launch.Runner == RunnerKind.Local
        ? CommandLineSplitter.Split(launch.Source.ScriptText ?? string.Empty)
        : launch.Arguments.Where(a => a.Literal is not null).Select(a => a.Literal!);

    /// <summary>For a new job: its launch's texts, the discovered ring and the selected targets, names resolved by DNS.</summary>
    public static Task<HostVariables> ResolveAsync(HostVariablesFile? file, JobLaunch launch, JobSetup setup, TextWriter warnings, CancellationToken cancellationToken) =>
        ResolveAsync(file, TextsOf(launch), setup.Topology, [.. setup.Targets.Select(n => n.Address)], new DnsHostResolver(), warnings, cancellationToken);

    public static async Task<HostVariables> ResolveAsync(
        HostVariablesFile? file, IEnumerable<string> texts, RingTopology ring, IReadOnlyList<string> targets, IHostResolver resolver, TextWriter warnings, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return HostVariables.None;
        }

        var selector = new HostSelector(resolver);
        var byAddress = new Dictionary<string, (string Key, Dictionary<string, string> Values)>(StringComparer.Ordinal);
        foreach (var (key, values) in file.Entries)
        {
            var nodes = await selector.FindAsync(ring, key, cancellationToken);
            if (nodes.Count == 0)
            {
                await warnings.WriteLineAsync($"warning: --hosts-variables {file.Path}: '{key}' is no node of the ring; its variables are not used.");
            }

            foreach (var node in nodes)
            {
                Merge(file.Path, byAddress, key, node.Address, values);
            }
        }

        var variables = new HostVariables(byAddress.ToImmutableDictionary(
            e => e.Key, e => e.Value.Values.ToImmutableDictionary(StringComparer.Ordinal), StringComparer.Ordinal));
        var textList = texts.ToList();
        if (!textList.Any(t => !Placeholders.NamesIn(t).IsEmpty))
        {
            await warnings.WriteLineAsync($"warning: --hosts-variables {file.Path} is given but no argument uses a {{{{name}}}} placeholder: nothing is substituted.");
        }

        var missing = variables.Missing(textList, targets);
        if (!missing.IsEmpty)
        {
            var listed = string.Join("; ", missing.OrderBy(m => m.Key, HostOrder.Of(ring)).Take(MaxListed).Select(m => $"{m.Key} lacks {string.Join(", ", m.Value)}"));
            var more = missing.Count > MaxListed ? $"; and {missing.Count - MaxListed} more host(s)" : string.Empty;
            throw new CstarException(
                $"--hosts-variables {file.Path} has no value for some placeholders on {missing.Count} target host(s): {listed}{more}.",
                $"Add them to {file.Path} under each host's address as the ring shows it (or a name resolving to it), or take the {{{{name}}}} out of the command.",
                ExitCode.Usage);
        }

        return variables;
    }

    private static void Merge(
        string path, Dictionary<string, (string Key, Dictionary<string, string> Values)> byAddress, string key, string address, ImmutableDictionary<string, string> values)
    {
        if (!byAddress.TryGetValue(address, out var existing))
        {
            byAddress[address] = (key, new Dictionary<string, string>(values, StringComparer.Ordinal));
            return;
        }

        foreach (var (name, value) in values)
        {
            if (existing.Values.TryGetValue(name, out var other) && !string.Equals(other, value, StringComparison.Ordinal))
            {
                throw new CstarException(
                    $"--hosts-variables {path}: '{existing.Key}' and '{key}' both name node {address} and give '{name}' different values.",
                    "Keep one entry per node (its address is the safest key).",
                    ExitCode.Usage);
            }

            existing.Values[name] = value;
        }
    }
}
