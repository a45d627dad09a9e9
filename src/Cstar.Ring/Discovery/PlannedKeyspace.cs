using Cstar.Core.Replication;

namespace Cstar.Ring.Discovery;

/// <summary>A keyspace to describe; <see cref="Definition"/> is null on 3.x, where nodetool does not print replication.</summary>
internal sealed record PlannedKeyspace(string Name, KeyspaceDefinition? Definition, bool Requested);
