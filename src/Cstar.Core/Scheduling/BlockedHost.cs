using System.Collections.Immutable;

namespace Cstar.Core.Scheduling;

/// <summary>
/// A host the scheduler will not start now, and why: the rule, and for consistency blocks the keyspace, a
/// token range and the unavailable replicas (down nodes first) that leave no room.
/// </summary>
public sealed record BlockedHost(
    string Address,
    WaveLimit Rule,
    string Reason,
    string? Keyspace = null,
    string? Range = null,
    ImmutableArray<string> BlockingNodes = default)
{
    public override string ToString() => $"{Address}: {Reason}";
}
