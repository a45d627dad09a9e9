using System.Collections.Immutable;

namespace Cstar.Core.Scheduling;

/// <summary>
/// Precomputed, read-only index of one cluster: node numbers, the deduplicated replica requirements
/// ("of these replicas at least Need must stay live") and the per-DC replica groups (for the topology
/// strategy), and for each host the requirements and groups it belongs to. Built once per job so that a
/// decision only walks the requirements of the hosts involved.
/// </summary>
internal sealed class ClusterIndex
{
    public required string Name { get; init; }

    public required int ClusterOrder { get; init; }

    public required string[] Addresses { get; init; }

    public required Dictionary<string, int> IndexOf { get; init; }

    public required int[] DcOf { get; init; }

    public required string[] DcNames { get; init; }

    /// <summary>Position of each DC in the run order (policy dc-order, then ordinal).</summary>
    public required int[] DcRank { get; init; }

    public required string[] RackOf { get; init; }

    public required int[][] ConstraintMembers { get; init; }

    public required int[] ConstraintNeed { get; init; }

    public required ConstraintOrigin[] ConstraintOrigins { get; init; }

    public required int[][] HostConstraints { get; init; }

    public required int[][] GroupMembers { get; init; }

    public required int[][] HostGroups { get; init; }

    public required ImmutableArray<string> Warnings { get; init; }

    private ClusterScratch? _spare;

    public int ConstraintCount => ConstraintNeed.Length;

    /// <summary>A cleared scratch left by an earlier decision, or null. Thread-safe: at most one is kept.</summary>
    public ClusterScratch? RentScratch() => Interlocked.Exchange(ref _spare, null);

    public void ReturnScratch(ClusterScratch scratch) => Interlocked.Exchange(ref _spare, scratch);

    public int GroupCount => GroupMembers.Length;
}
