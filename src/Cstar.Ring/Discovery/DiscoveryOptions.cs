using System.Collections.Immutable;

namespace Cstar.Ring.Discovery;

/// <summary>
/// What discovery needs: the seeds (tried in order until every cluster they reach is found), an optional
/// keyspace restricting the replica map, the keyspaces worth a describering, the nodetool argv prefix (e.g. sudo,
/// -u/-pwf for JMX auth), a timeout per nodetool call and how many calls may run at once on a seed.
/// </summary>
public sealed record DiscoveryOptions(ImmutableArray<string> Seeds)
{
    public static ImmutableArray<string> DefaultNodetool { get; } = ["nodetool"];

    /// <summary>Only this keyspace goes into the replica map (--keyspace); null means every replicated keyspace.</summary>
    public string? Keyspace { get; init; }

    /// <summary>The argv that starts nodetool; arguments such as "status" are appended.</summary>
    public ImmutableArray<string> Nodetool { get; init; } = DefaultNodetool;

    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Which keyspaces discovery reads with describering (the job's keyspace policy); the others stay in the replica
    /// map by name, without ranges. Null reads every replicated keyspace (cstar ring).
    /// </summary>
    public Func<string, bool>? ReadsKeyspace { get; init; }

    /// <summary>
    /// Told the nodes of a cluster (address, DC, rack, in status order) as soon as its status is read, while the rest of
    /// discovery runs: the CLI opens the connections of the first targets then.
    /// </summary>
    public Action<IReadOnlyList<(string Address, string Datacenter, string Rack)>>? OnNodesKnown { get; init; }

    /// <summary>nodetool calls run at once on a seed (independent ones: describecluster, status, the keyspace list, describering per keyspace).</summary>
    /// <summary>Stamps when the status read was sent (<see cref="DiscoveredCluster.StatusSentAt"/>): the job's first ring check may rely on it while fresh.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public int ConcurrentCalls { get; init; } = 4;
}
