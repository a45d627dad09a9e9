using Cstar.Core.Jobs;

namespace Cstar.JobStore.Inspection;

/// <summary>One host line of <c>cstar jobs show</c>.</summary>
public sealed record HostDetail(
    string Host,
    HostRunStateKind State,
    int Attempt,
    int? ExitCode,
    string? Reason,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    TimeSpan? Duration,
    string? FirstOutputLine);
