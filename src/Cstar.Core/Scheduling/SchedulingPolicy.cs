using System.Collections.Immutable;

namespace Cstar.Core.Scheduling;

/// <summary>
/// Every setting that shapes the schedule, in one record (no boolean argument soup). Defaults are the safe
/// ones: topology strategy, cluster- and DC-serial, consistency awareness on at an automatic level.
/// </summary>
public sealed record SchedulingPolicy
{
    public static SchedulingPolicy Default { get; } = new();

    public SchedulingStrategy Strategy { get; init; } = SchedulingStrategy.Topology;

    /// <summary>Several clusters may have hosts in flight at once.</summary>
    public bool ClusterParallel { get; init; }

    /// <summary>Several DCs of a cluster may have hosts in flight at once. When false, a DC is finished before the next starts.</summary>
    public bool DcParallel { get; init; }

    /// <summary>DC names in the order to run them (dc-serial); unnamed DCs follow in ordinal order.</summary>
    public ImmutableArray<string> DcOrder { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Cap on hosts in flight over all clusters and DCs; null = no cap.</summary>
    public int? MaxConcurrency { get; init; }

    /// <summary>Cap on hosts in flight per DC; null = no cap.</summary>
    public int? MaxConcurrencyPerDc { get; init; }

    /// <summary>Consistency awareness (on by default). Off = only the strategy restricts.</summary>
    public bool KeepConsistency { get; init; } = true;

    /// <summary>
    /// The level to keep; null = automatic: LOCAL_QUORUM where a DC holds at least 3 replicas, "one live replica"
    /// (with a warning) where it holds 2, and a block where it holds 1. An explicit level is applied strictly.
    /// </summary>
    public ConsistencyLevel? ConsistencyLevel { get; init; }

    /// <summary>Keyspaces left out entirely (neither consistency nor topology).</summary>
    public ImmutableHashSet<string> IgnoreKeyspaces { get; init; } = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

    /// <summary>Keyspaces the operator accepts to become unavailable (no consistency rule; still topology).</summary>
    public ImmutableHashSet<string> AllowUnavailableKeyspaces { get; init; } = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

    /// <summary>When not empty, only these keyspaces are considered (--keyspace, repeatable); a system keyspace named here is covered.</summary>
    public ImmutableHashSet<string> KeyspaceFilter { get; init; } = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

    /// <summary>
    /// Cover the system keyspaces left out by default (system_traces, system_distributed, any other system_*
    /// but system_auth): clients never need them, and as shipped they ignore racks and DCs (SimpleStrategy).
    /// </summary>
    public bool IncludeSystemKeyspaces { get; init; }

    /// <summary>
    /// A keyspace whose level no order can keep (RF 1; RF 2 under a quorum) blocks its nodes instead of being
    /// warned about and run one replica at a time.
    /// </summary>
    public bool StrictConsistency { get; init; }

    /// <summary>Stop once this many hosts of the job have ever been started (running + done + failed), see <see cref="JobProgress.StartedCount"/>.</summary>
    public int? StopAfter { get; init; }

    /// <summary>Skip (and report) targets that are down; never disables waiting for finished hosts to come back.</summary>
    public bool IgnoreDownNodes { get; init; }

    /// <summary>Start although the schema disagrees in a way a rolling upgrade does not explain.</summary>
    public bool AllowSchemaDisagreement { get; init; }

    /// <summary>Stop starting hosts after the first failure (cstar behaviour).</summary>
    public bool HaltOnFailure { get; init; } = true;
}
