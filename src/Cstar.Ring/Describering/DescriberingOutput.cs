using System.Collections.Immutable;
using Cstar.Core.Replication;

namespace Cstar.Ring.Describering;

/// <summary>
/// The parsed 'nodetool describering &lt;keyspace&gt;': the schema version it was computed with, every token
/// range with its replicas in Cassandra's order, and the DC/rack of each endpoint when endpoint_details
/// gave it.
/// </summary>
public sealed record DescriberingOutput(
    string? SchemaVersion,
    ImmutableArray<TokenRange> Ranges,
    ImmutableDictionary<string, EndpointLocation> Endpoints)
{
    /// <summary>Every address that is a replica of at least one range.</summary>
    public ImmutableHashSet<string> EndpointAddresses() =>
        Ranges.SelectMany(r => r.Endpoints).ToImmutableHashSet(StringComparer.Ordinal);
}
