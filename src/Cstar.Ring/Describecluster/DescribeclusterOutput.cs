using System.Collections.Immutable;
using Cstar.Core.Replication;

namespace Cstar.Ring.Describecluster;

/// <summary>
/// The parsed 'nodetool describecluster'. The 4.0+ sections (stats, DC node counts, database versions,
/// keyspaces) are empty on 2.x/3.x; <see cref="HasKeyspaceList"/> tells whether the keyspace list was printed.
/// Addresses are normalised (<see cref="Parsing.NodeAddress"/>), ports dropped.
/// </summary>
public sealed record DescribeclusterOutput(
    string Name,
    string? Snitch,
    string? DynamicEndpointSnitch,
    string? Partitioner,
    ImmutableDictionary<string, ImmutableArray<string>> SchemaVersions,
    ImmutableDictionary<string, int> Stats,
    ImmutableArray<DatacenterCount> Datacenters,
    ImmutableDictionary<string, string> DatabaseVersions,
    bool HasKeyspaceList,
    ImmutableArray<KeyspaceDefinition> Keyspaces)
{
    public const string Unreachable = "UNREACHABLE";

    /// <summary>Schema version of each reachable address (unreachable ones are absent).</summary>
    public ImmutableDictionary<string, string> SchemaVersionByAddress() =>
        SchemaVersions.Where(kv => kv.Key != Unreachable)
            .SelectMany(kv => kv.Value.Select(a => KeyValuePair.Create(a, kv.Key)))
            .ToImmutableDictionary(StringComparer.Ordinal);
}
