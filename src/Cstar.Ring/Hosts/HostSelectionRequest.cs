using System.Collections.Immutable;

namespace Cstar.Ring.Hosts;

/// <summary>
/// Which hosts to run on: named hosts (--host, --host-file; empty means every node of the discovered
/// clusters) narrowed by --dc-filter and --rack-filter (empty means no filter).
/// </summary>
public sealed record HostSelectionRequest(ImmutableArray<string> Hosts, ImmutableArray<string> DatacenterFilter, ImmutableArray<string> RackFilter)
{
    public static HostSelectionRequest All { get; } = new([], [], []);
}
