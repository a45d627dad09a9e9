using System.Collections.Immutable;
using System.Runtime.InteropServices;
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
    /// <summary>
    /// Every address that is a replica of at least one range. Replica lists are shared between ranges (pooled by the
    /// reader), so each distinct list is walked once: a 1,000-node ring has 1.5 million replicas per keyspace.
    /// </summary>
    public ImmutableHashSet<string> EndpointAddresses()
    {
        var lists = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var addresses = new HashSet<string>(StringComparer.Ordinal);
        foreach (var range in Ranges)
        {
            if (lists.Add(ImmutableCollectionsMarshal.AsArray(range.Endpoints)!))
            {
                addresses.UnionWith(range.Endpoints);
            }
        }

        return addresses.ToImmutableHashSet(StringComparer.Ordinal);
    }
}
