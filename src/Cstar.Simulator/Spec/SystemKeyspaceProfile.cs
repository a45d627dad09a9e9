namespace Cstar.Simulator.Spec;

/// <summary>How the simulated cluster's replicated system keyspaces are set up.</summary>
public enum SystemKeyspaceProfile
{
    /// <summary>As Cassandra ships them (SimpleStrategy; see <see cref="SystemKeyspaceDefaults.Stock"/>): what a new user's cluster has.</summary>
    Stock,

    /// <summary>NetworkTopologyStrategy in every DC (system_auth and system_distributed 3, system_traces 2), as the docs advise.</summary>
    Hardened,
}
