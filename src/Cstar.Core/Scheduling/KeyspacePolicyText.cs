using System.Collections.Immutable;
using System.Globalization;

namespace Cstar.Core.Scheduling;

/// <summary>
/// The keyspace policy as text, printed once per job and by --dry-run: a heading with the level and the flags that
/// change it, then one line per keyspace, "app: dc1 2, dc2 1 (kept at LOCAL_QUORUM in each DC)".
/// </summary>
public static class KeyspacePolicyText
{
    public static ImmutableArray<string> Lines(SchedulingPolicy policy, IReadOnlyCollection<KeyspaceTreatment> keyspaces)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(keyspaces);
        var level = policy.ConsistencyLevel is { } explicitLevel
            ? KeyspacePolicy.LevelName(explicitLevel, perDc: true)
            : "LOCAL_QUORUM (QUORUM for SimpleStrategy; --keep-consistency sets it)";
        var covered = keyspaces.Count(k => k.Coverage == KeyspaceCoverage.Covered).ToString(CultureInfo.InvariantCulture);
        var total = keyspaces.Count.ToString(CultureInfo.InvariantCulture);
        var lines = ImmutableArray.CreateBuilder<string>();
        lines.Add($"keyspace policy: {covered} of {total} replicated keyspace(s) kept at {level}; --keyspace, --ignore-keyspace, --include-system-keyspaces change which");
        var clusters = keyspaces.Select(k => k.Cluster).Distinct(StringComparer.Ordinal).Count();
        foreach (var keyspace in keyspaces)
        {
            var prefix = clusters > 1 ? $"cluster {keyspace.Cluster}: " : string.Empty;
            lines.Add($"  {prefix}{keyspace.Keyspace}: {keyspace.ReplicasPerDc} ({keyspace.Why})");
        }

        return lines.ToImmutable();
    }
}
