namespace Cstar.Ring.Rendering;

/// <summary>The JSON shape of 'cstar ring --json': clusters → DCs → racks → hosts. Plain data, stable field names.</summary>
public sealed record RingView(IReadOnlyList<ClusterView> Clusters);
