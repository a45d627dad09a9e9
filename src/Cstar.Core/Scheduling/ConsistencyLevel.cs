namespace Cstar.Core.Scheduling;

/// <summary>
/// The consistency level the applications read and write at, as Cassandra defines it. The scheduler keeps
/// every range of every selected keyspace able to serve it at every moment.
/// </summary>
public enum ConsistencyLevel
{
    /// <summary>floor(RF_dc/2)+1 live replicas in each DC that has replicas (clients may be local to any DC).</summary>
    LocalQuorum,

    /// <summary>floor(sum RF/2)+1 live replicas over all DCs.</summary>
    Quorum,

    /// <summary>A local quorum in every DC that has replicas.</summary>
    EachQuorum,

    /// <summary>At least one live replica in each DC that has replicas.</summary>
    LocalOne,

    /// <summary>At least one live replica anywhere.</summary>
    One,
}
