namespace Cstar.Core.Replication;

/// <summary>The replication strategy class of a keyspace, as describecluster (4.0+) or the schema names it.</summary>
public enum ReplicationClass
{
    /// <summary>SimpleStrategy: RF replicas on the next distinct nodes clockwise, racks and DCs ignored.</summary>
    Simple,

    /// <summary>NetworkTopologyStrategy: RF per DC, preferring distinct racks within each DC.</summary>
    NetworkTopology,

    /// <summary>LocalStrategy (system, system_schema): every node holds its own copy; never a replica set.</summary>
    Local,

    /// <summary>Any other class (EverywhereStrategy, custom): carried as-is so nothing is silently ignored.</summary>
    Other,
}
