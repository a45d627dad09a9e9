namespace Cstar.Ring.Rendering;

/// <summary>One cluster in the ring view.</summary>
public sealed record ClusterView(string Name, int NodeCount, IReadOnlyList<string> SchemaVersions, IReadOnlyList<DatacenterView> Datacenters);
