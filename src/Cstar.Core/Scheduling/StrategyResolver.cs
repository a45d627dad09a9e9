using System.Collections.Immutable;
using Cstar.Core.Errors;

namespace Cstar.Core.Scheduling;

/// <summary>
/// Turns command-line flags into policy settings, as cstar's args_from_strategy_shortcut does: --one = one +
/// dc-serial, --one-per-dc = one + dc-parallel, --topology = topology + dc-serial, --topology-per-dc =
/// topology + dc-parallel, --all = all + dc-parallel. Shortcuts are mutually exclusive and exclude --strategy
/// and --dc-parallel/--dc-serial. Strategy all (however given) runs DCs in parallel unless --dc-serial. Flags not given keep the value of <c>defaults</c> (script header, then
/// built-in defaults), which is how cstar's precedence works.
/// </summary>
public static class StrategyResolver
{
    private const string Hint = "Give at most one of --one, --one-per-dc, --topology, --topology-per-dc, --all; or --strategy with --dc-parallel/--dc-serial.";

    public static SchedulingPolicy Resolve(StrategyFlags flags, SchedulingPolicy defaults)
    {
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(defaults);
        var shortcuts = new List<(string Name, SchedulingStrategy Strategy, bool DcParallel)>();
        if (flags.One) shortcuts.Add(("--one", SchedulingStrategy.One, false));
        if (flags.OnePerDc) shortcuts.Add(("--one-per-dc", SchedulingStrategy.One, true));
        if (flags.Topology) shortcuts.Add(("--topology", SchedulingStrategy.Topology, false));
        if (flags.TopologyPerDc) shortcuts.Add(("--topology-per-dc", SchedulingStrategy.Topology, true));
        if (flags.All) shortcuts.Add(("--all", SchedulingStrategy.All, true));

        if (shortcuts.Count > 1)
        {
            throw new CstarException($"{string.Join(" and ", shortcuts.Select(s => s.Name))} are mutually exclusive.", Hint);
        }

        if (flags.DcParallel && flags.DcSerial)
        {
            throw new CstarException("--dc-parallel and --dc-serial are mutually exclusive.", Hint);
        }

        if (flags.ClusterParallel && flags.ClusterSerial)
        {
            throw new CstarException("--cluster-parallel and --cluster-serial are mutually exclusive.", "Give one of them, or neither to use the script's header.");
        }

        var policy = defaults;
        if (flags.ClusterParallel || flags.ClusterSerial)
        {
            policy = policy with { ClusterParallel = flags.ClusterParallel };
        }

        if (shortcuts.Count == 1)
        {
            var (name, strategy, dcParallel) = shortcuts[0];
            if (flags.Strategy is not null)
            {
                throw new CstarException($"{name} cannot be combined with --strategy {flags.Strategy}: {name} already sets the strategy.", Hint);
            }

            if (flags.DcParallel || flags.DcSerial)
            {
                throw new CstarException($"{name} cannot be combined with {(flags.DcParallel ? "--dc-parallel" : "--dc-serial")}: {name} already sets it.", Hint);
            }

            return policy with { Strategy = strategy, DcParallel = dcParallel };
        }

        if (flags.Strategy is not null)
        {
            policy = policy with { Strategy = ParseStrategy(flags.Strategy) };
        }

        policy = flags.DcParallel || flags.DcSerial ? policy with { DcParallel = flags.DcParallel } : policy;

        // cstar's all: every selected host at once, so DCs in parallel unless --dc-serial asks otherwise.
        return policy.Strategy == SchedulingStrategy.All && !flags.DcSerial ? policy with { DcParallel = true } : policy;
    }

    public static SchedulingStrategy ParseStrategy(string name) => name?.Trim().ToUpperInvariant() switch
    {
        "ONE" => SchedulingStrategy.One,
        "TOPOLOGY" => SchedulingStrategy.Topology,
        "ALL" => SchedulingStrategy.All,
        "RACK" => SchedulingStrategy.Rack,
        _ => throw new CstarException($"Unknown strategy '{name}'.", "Use one of: one, topology, all, rack."),
    };

    public static ConsistencyLevel ParseConsistencyLevel(string name) => name?.Trim().Replace('-', '_').ToUpperInvariant() switch
    {
        "LOCAL_QUORUM" => ConsistencyLevel.LocalQuorum,
        "QUORUM" => ConsistencyLevel.Quorum,
        "EACH_QUORUM" => ConsistencyLevel.EachQuorum,
        "LOCAL_ONE" => ConsistencyLevel.LocalOne,
        "ONE" => ConsistencyLevel.One,
        _ => throw new CstarException($"Unknown consistency level '{name}'.", "Use one of: LOCAL_QUORUM, QUORUM, EACH_QUORUM, LOCAL_ONE, ONE."),
    };

    /// <summary>Parses "dc2,dc1": non-empty names, no duplicates.</summary>
    public static ImmutableArray<string> ParseDcOrder(string value)
    {
        var names = (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries);
        if (names.Any(string.IsNullOrEmpty))
        {
            throw new CstarException($"--dc-order '{value}' has an empty DC name.", "Give DC names separated by commas, e.g. --dc-order dc2,dc1.");
        }

        var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new CstarException($"--dc-order names DC {duplicate.Key} twice.", "Name each DC once, e.g. --dc-order dc2,dc1.");
        }

        return [.. names];
    }
}
