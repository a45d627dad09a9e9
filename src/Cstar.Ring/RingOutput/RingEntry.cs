using Cstar.Core.Topology;

namespace Cstar.Ring.RingOutput;

/// <summary>One token row of 'nodetool ring'. Status is null when nodetool printed '?'.</summary>
public sealed record RingEntry(
    string Datacenter,
    string Address,
    int? Port,
    string Rack,
    NodeStatus? Status,
    NodeState? State,
    string? Load,
    double? OwnsPercent,
    string Token,
    int LineNumber);
