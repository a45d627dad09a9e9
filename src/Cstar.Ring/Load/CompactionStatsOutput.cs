using System.Collections.Immutable;

namespace Cstar.Ring.Load;

/// <summary><c>nodetool compactionstats</c>: pending tasks in all, per table (3.0+), and the compactions running now.</summary>
public sealed record CompactionStatsOutput(int PendingTasks, ImmutableArray<TablePending> PerTable, int ActiveCompactions);

/// <summary>One "- ks.table: n" line (3.0 to 4.1) or "ks  table  n" row (5.0).</summary>
public sealed record TablePending(string Keyspace, string Table, int Pending);
