namespace Cstar.Ring.Rendering;

/// <summary>One DC of a cluster in the ring view.</summary>
public sealed record DatacenterView(string Name, int NodeCount, IReadOnlyList<RackView> Racks);
