using System.Collections.Immutable;

namespace Cstar.Core.Jobs;

/// <summary>One line of <c>cstar jobs</c>.</summary>
/// <param name="OwnerGone">Running in the store but no live process holds the job: it was killed (kill -9, power loss) and can be continued.</param>
public sealed record JobSummary(
    string JobId,
    string CommandName,
    ImmutableArray<string> Clusters,
    string? Reason,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EndedAt,
    JobState State,
    HostCounts Hosts,
    bool OwnerGone);
