using System.Collections.Immutable;

namespace Cstar.Ring.Load;

/// <summary><c>nodetool tpstats</c>: the thread pools and the dropped messages per type.</summary>
public sealed record TpStatsOutput(ImmutableArray<ThreadPoolStats> Pools, ImmutableDictionary<string, long> Dropped)
{
    public ThreadPoolStats? Pool(string name) => Pools.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
}

/// <summary>One pool row; a figure printed as "n/a" (or "N/A") is null.</summary>
public sealed record ThreadPoolStats(string Name, long? Active, long? Pending, long? Completed, long? Blocked, long? AllTimeBlocked);
