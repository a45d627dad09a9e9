namespace Cstar.Ring.Rendering;

/// <summary>One node in the ring view; null fields were not known (e.g. the version of a 3.x node that was not the seed).</summary>
public sealed record HostView(
    string Address,
    string State,
    bool Up,
    string? Load,
    string? HostId,
    int? Tokens,
    string? CassandraVersion,
    string? SchemaVersion);
