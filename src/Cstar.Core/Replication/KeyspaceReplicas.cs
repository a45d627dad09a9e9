using System.Collections.Immutable;

namespace Cstar.Core.Replication;

/// <summary>The replica set of every token range of one keyspace.</summary>
public sealed record KeyspaceReplicas(KeyspaceDefinition Keyspace, ImmutableArray<TokenRange> Ranges);
