namespace Cstar.Core.Scheduling;

/// <summary>How the consistency rules treat one keyspace in a job (see <see cref="KeyspacePolicy"/>).</summary>
public enum KeyspaceCoverage
{
    /// <summary>Every range keeps the chosen level at every moment.</summary>
    Covered,

    /// <summary>No order can keep the level (RF 1; RF 2 under a quorum): warned about, and no two of a range's replicas run at once.</summary>
    Unkeepable,

    /// <summary>--allow-unavailable: no consistency rule; the topology strategy still sees its ranges.</summary>
    AllowedUnavailable,

    /// <summary>Strategy all or consistency awareness off: the rules do not apply to any keyspace.</summary>
    NotChecked,

    /// <summary>Neither consistency nor topology: --ignore-keyspace, outside --keyspace, or a system keyspace clients never need.</summary>
    LeftOut,
}
