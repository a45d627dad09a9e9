using Cstar.Core.Topology;

namespace Cstar.Ring.Status;

/// <summary>
/// One node row of 'nodetool status'. <see cref="Status"/> is null when nodetool printed '?' (it could not
/// tell, as 4.0 does with -r); <see cref="Load"/>, <see cref="OwnsPercent"/> and <see cref="HostId"/> are null
/// when nodetool printed '?' or nothing.
/// </summary>
public sealed record StatusEntry(
    string Datacenter,
    string Address,
    int? Port,
    NodeStatus? Status,
    NodeState State,
    string? Load,
    double? LoadBytes,
    int? Tokens,
    double? OwnsPercent,
    Guid? HostId,
    string Rack,
    string? Token,
    int LineNumber);
