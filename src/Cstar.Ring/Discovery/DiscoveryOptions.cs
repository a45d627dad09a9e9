using System.Collections.Immutable;

namespace Cstar.Ring.Discovery;

/// <summary>
/// What discovery needs: the seeds (tried in order until every cluster they reach is found), an optional
/// keyspace restricting the replica map, the nodetool argv prefix (e.g. sudo, -u/-pwf for JMX auth) and a
/// timeout per nodetool call.
/// </summary>
public sealed record DiscoveryOptions(ImmutableArray<string> Seeds)
{
    public static ImmutableArray<string> DefaultNodetool { get; } = ["nodetool"];

    /// <summary>Only this keyspace goes into the replica map (--keyspace); null means every replicated keyspace.</summary>
    public string? Keyspace { get; init; }

    /// <summary>The argv that starts nodetool; arguments such as "status" are appended.</summary>
    public ImmutableArray<string> Nodetool { get; init; } = DefaultNodetool;

    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
