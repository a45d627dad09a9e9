using System.Collections.Immutable;

namespace Cstar.Core.Scheduling;

/// <summary>
/// One keyspace of one cluster as the job treats it: covered or not and why, its replicas per DC as the ranges'
/// endpoints show them (e.g. "dc1 2, dc2 1"), and for a keyspace whose level cannot be kept the warning.
/// </summary>
public sealed record KeyspaceTreatment(
    string Cluster,
    string Keyspace,
    KeyspaceCoverage Coverage,
    string Why,
    string ReplicasPerDc)
{
    /// <summary>The DCs (or "all DCs") where the level cannot be kept; empty unless <see cref="KeyspaceCoverage.Unkeepable"/>.</summary>
    public ImmutableArray<string> UnkeepableIn { get; init; } = [];

    /// <summary>The warning printed once per job for a keyspace whose level cannot be kept; null otherwise.</summary>
    public string? Warning { get; init; }

    public override string ToString() => $"{Keyspace}: {ReplicasPerDc} ({Why})";
}
