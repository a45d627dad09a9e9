using System.Collections.Immutable;
using Cstar.Core.Errors;
using Cstar.Core.Replication;
using Cstar.Ring.Describecluster;

namespace Cstar.Ring.Discovery;

/// <summary>
/// Chooses the keyspaces whose replica sets discovery reads: every keyspace except LocalStrategy ones
/// (system_auth, system_distributed, system_traces included), or only --keyspace. 4.0+ lists them with
/// their replication in describecluster; 2.x/3.x need 'nodetool tablestats' (see <see cref="TablestatsKeyspaceParser"/>).
/// </summary>
internal static class KeyspacePlanner
{
    /// <summary>Keyspaces that are LocalStrategy on every version; not worth a describering that must fail.</summary>
    public static readonly ImmutableHashSet<string> KnownLocal = ImmutableHashSet.Create(StringComparer.Ordinal, "system", "system_schema", "system_views", "system_virtual_schema");

    /// <param name="tablestats">The 'nodetool tablestats' output (2.x/3.x keyspace list), asked only when describecluster lists no keyspaces.</param>
    public static async Task<ImmutableArray<PlannedKeyspace>> PlanAsync(Func<Task<string>> tablestats, DescribeclusterOutput description, string? requested, Func<string, bool>? reads)
    {
        ArgumentNullException.ThrowIfNull(tablestats);
        ArgumentNullException.ThrowIfNull(description);
        if (requested is not null)
        {
            var known = description.Keyspaces.FirstOrDefault(k => string.Equals(k.Name, requested, StringComparison.Ordinal));
            if (description.HasKeyspaceList && known is null)
            {
                throw NoSuchKeyspace(requested, description.Name, description.Keyspaces.Select(k => k.Name));
            }

            if (known?.Class == ReplicationClass.Local || (known is null && KnownLocal.Contains(requested)))
            {
                throw LocalKeyspace(requested);
            }

            return [new PlannedKeyspace(requested, known, Requested: true)];
        }

        if (description.HasKeyspaceList)
        {
            return [.. description.Keyspaces.Where(k => k.Class != ReplicationClass.Local).Select(k => new PlannedKeyspace(k.Name, k, false, reads?.Invoke(k.Name) ?? true))];
        }

        var names = TablestatsKeyspaceParser.Parse(await tablestats().ConfigureAwait(false));
        return [.. names.Where(n => !KnownLocal.Contains(n)).Select(n => new PlannedKeyspace(n, null, false, reads?.Invoke(n) ?? true))];
    }

    public static CstarException NoSuchKeyspace(string keyspace, string cluster, IEnumerable<string> existing) =>
        new(
            $"Keyspace '{keyspace}' does not exist in cluster {cluster}.",
            existing.Any() ? $"Choose one of: {string.Join(", ", existing)}." : "Check the name with 'nodetool tablestats' on a node.");

    public static CstarException LocalKeyspace(string keyspace) =>
        new(
            $"Keyspace '{keyspace}' uses LocalStrategy: every node keeps its own copy, so it has no replica sets to protect.",
            "Give a replicated keyspace to --keyspace, or leave it out to use every replicated keyspace.");
}
