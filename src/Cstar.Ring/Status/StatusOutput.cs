using System.Collections.Immutable;

namespace Cstar.Ring.Status;

/// <summary>The parsed 'nodetool status': every DC block (even empty ones) and every node row, in print order.</summary>
public sealed record StatusOutput(
    StatusLayout Layout,
    ImmutableArray<string> Datacenters,
    ImmutableArray<StatusEntry> Entries,
    ImmutableArray<string> Notes);
