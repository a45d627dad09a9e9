namespace Cstar.Simulator.Views;

/// <summary>
/// What effectiveOwnership answered: per-node floats (NaN = not in the map), or a note explaining why
/// ownership is meaningless (the IllegalStateException branch), or an error (unknown keyspace).
/// </summary>
internal sealed record OwnershipResult(float[]? Owns, bool Effective, string? Note, string? Error);
