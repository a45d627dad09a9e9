namespace Cstar.Core.Scheduling;

/// <summary>How many hosts of a datacenter may be in flight at once. Names and meanings follow cstar.</summary>
public enum SchedulingStrategy
{
    /// <summary>At most one host per datacenter in flight (cstar "one").</summary>
    One,

    /// <summary>No two in-flight hosts of a datacenter share a token range (cstar "topology", the default).</summary>
    Topology,

    /// <summary>No restriction from the strategy itself (cstar "all"); consistency awareness still applies.</summary>
    All,

    /// <summary>A whole rack of a datacenter at once; only when every range keeps its replicas in distinct racks.</summary>
    Rack,
}
