using Cstar.Core.Replication;

namespace Cstar.Ring.Discovery;

/// <summary>
/// A keyspace to describe; <see cref="Definition"/> is null on 3.x, where nodetool does not print replication.
/// <see cref="Read"/> is false for a keyspace the job's policy leaves out: kept by name, never described.
/// </summary>
internal sealed record PlannedKeyspace(string Name, KeyspaceDefinition? Definition, bool Requested, bool Read = true);
