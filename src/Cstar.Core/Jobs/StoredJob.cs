using System.Collections.Immutable;

namespace Cstar.Core.Jobs;

/// <summary>A job as loaded from the store: its definition, where it is, and every host's state.</summary>
public sealed record StoredJob(
    JobDefinition Definition,
    JobState State,
    string? StateReason,
    DateTimeOffset? EndedAt,
    ImmutableArray<HostRunState> Hosts)
{
    public HostRunState Host(string host) =>
        Hosts.FirstOrDefault(h => string.Equals(h.Host, host, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"host {host} is not part of job {Definition.JobId}");
}
