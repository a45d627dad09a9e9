using System.Collections.Immutable;
using Cstar.Core.Commands;

namespace Cstar.Core.Jobs;

/// <summary>
/// Everything needed to resume a job, fixed when it starts. Holds no secret: arguments flagged secret
/// are <see cref="SecretReference"/>s, and there is no field for a password.
/// </summary>
/// <param name="SchedulingPolicy">The engine's scheduling policy, serialized by the engine; opaque here.</param>
public sealed record JobDefinition(
    string JobId,
    string CommandName,
    CommandSource Command,
    ImmutableArray<JobArgument> Arguments,
    string SchedulingPolicy,
    HostSelection Hosts,
    string? Reason,
    ImmutableArray<string> Clusters,
    DateTimeOffset CreatedAt,
    RunnerKind Runner)
{
    public string JobId { get; } = JobIds.Validate(JobId);

    /// <summary>
    /// The <c>--hosts-variables</c> values, by node address, as read when the job started: <c>continue</c> uses
    /// these, never the file again. Optional with an empty default, so definitions stored before it still read.
    /// </summary>
    public HostVariables HostVariables { get; init; } = HostVariables.None;

    /// <summary>
    /// Every node of the ring(s) when the job started: <c>continue</c> rediscovers from them when the stored seeds are
    /// gone. Optional with an empty default, so definitions stored before it still read.
    /// </summary>
    public ImmutableArray<string> RingMembers { get; init; } = [];
}
