namespace Cstar.Ring.Rendering;

/// <summary>One rack of a DC in the ring view.</summary>
public sealed record RackView(string Name, IReadOnlyList<HostView> Hosts);
