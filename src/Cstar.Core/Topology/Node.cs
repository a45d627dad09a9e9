namespace Cstar.Core.Topology;

/// <summary>
/// One Cassandra node as one view of the ring saw it. Nodes are identified by <see cref="Address"/>
/// (the address nodetool prints, without port), never by the whole record: status and rack change
/// between ring reads.
/// </summary>
public sealed record Node(
    string Address,
    string Cluster,
    string Datacenter,
    string Rack,
    NodeStatus Status,
    NodeState State,
    Guid? HostId,
    string? Load = null,
    int? TokenCount = null,
    string? CassandraVersion = null,
    string? SchemaVersion = null)
{
    /// <summary>The two-letter code nodetool prints, e.g. "UN".</summary>
    public string StateCode => NodeStateCode.Format(Status, State);

    /// <summary>Up and Normal: the only state in which a node counts as serving.</summary>
    public bool IsUpNormal => Status == NodeStatus.Up && State == NodeState.Normal;
}
