using System.Collections.Immutable;

namespace Cstar.Core.Replication;

/// <summary>
/// One token range (start exclusive, end inclusive) and the addresses of its replicas, in the order
/// Cassandra lists them. Tokens are kept as the strings nodetool prints: partitioners differ in range.
/// </summary>
public sealed record TokenRange(string StartToken, string EndToken, ImmutableArray<string> Endpoints);
