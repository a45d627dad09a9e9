namespace Cstar.Core.Scheduling;

/// <summary>The scheduling flags as the command line gave them, before resolution (cstar's shortcuts included).</summary>
public sealed record StrategyFlags
{
    /// <summary>--strategy NAME (one, topology, all, rack), or null.</summary>
    public string? Strategy { get; init; }

    public bool One { get; init; }

    public bool OnePerDc { get; init; }

    public bool Topology { get; init; }

    public bool TopologyPerDc { get; init; }

    public bool All { get; init; }

    public bool DcParallel { get; init; }

    public bool DcSerial { get; init; }

    public bool ClusterParallel { get; init; }

    public bool ClusterSerial { get; init; }
}
