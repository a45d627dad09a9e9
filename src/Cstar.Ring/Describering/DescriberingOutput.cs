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
    /// <summary>Every address that is a replica of at least one range.</summary>
    public ImmutableHashSet<string> EndpointAddresses()
    {
        // Gathered in a plain set first: a million adds to an immutable set's builder cost far more.
        var addresses = new HashSet<string>(StringComparer.Ordinal);
        foreach (var list in DistinctReplicaLists())
        {
            addresses.UnionWith(list);
        }

        return addresses.ToImmutableHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Each distinct replica list once, in range order. Replica lists are shared between ranges (pooled by the reader,
    /// compared by reference), so a walk over them is one per list: a 1,000-node ring has 1.5 million replicas per
    /// keyspace but far fewer lists.
    /// </summary>
    public IEnumerable<ImmutableArray<string>> DistinctReplicaLists()
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var range in Ranges)
        {
            if (seen.Add(ImmutableCollectionsMarshal.AsArray(range.Endpoints)!))
            {
                yield return range.Endpoints;
            }
        }
    }
}
