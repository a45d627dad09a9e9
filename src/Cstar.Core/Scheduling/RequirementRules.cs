namespace Cstar.Core.Scheduling;

/// <summary>
/// How many of a range's replicas must stay live, as Cassandra defines the levels. With no explicit level
/// (automatic): a quorum where there are at least 3 replicas, one live replica where there are 2 (with a
/// warning), and the single replica itself where there is 1 (so that node never goes down unless the
/// keyspace is ignored or allowed unavailable). An explicit level is applied strictly.
/// </summary>
internal static class RequirementRules
{
    /// <summary>For NetworkTopologyStrategy, per DC with replicas; null when the level counts over all DCs (QUORUM, ONE).</summary>
    public static Rule? PerDc(ConsistencyLevel? level, int replicas) => level switch
    {
        null when replicas >= 3 => new Rule(Quorum(replicas), "LOCAL_QUORUM", false),
        null when replicas == 2 => new Rule(1, "ONE (RF 2)", true),
        null => new Rule(1, "LOCAL_ONE", false),
        ConsistencyLevel.LocalQuorum => new Rule(Quorum(replicas), "LOCAL_QUORUM", false),
        ConsistencyLevel.EachQuorum => new Rule(Quorum(replicas), "EACH_QUORUM", false),
        ConsistencyLevel.LocalOne => new Rule(1, "LOCAL_ONE", false),
        _ => null,
    };

    /// <summary>
    /// Over all replicas: QUORUM = floor(sum RF / 2) + 1, ONE = 1. SimpleStrategy places replicas ignoring DCs,
    /// so its LOCAL/EACH levels are counted over all replicas too (as Cassandra does for non-NTS keyspaces).
    /// </summary>
    public static Rule Global(ConsistencyLevel? level, int replicas) => level switch
    {
        null when replicas >= 3 => new Rule(Quorum(replicas), "QUORUM", false),
        null when replicas == 2 => new Rule(1, "ONE (RF 2)", true),
        null or ConsistencyLevel.One or ConsistencyLevel.LocalOne => new Rule(1, "ONE", false),
        _ => new Rule(Quorum(replicas), "QUORUM", false),
    };

    private static int Quorum(int replicas) => (replicas / 2) + 1;

    internal sealed record Rule(int Need, string Level, bool Rf2Fallback);
}
