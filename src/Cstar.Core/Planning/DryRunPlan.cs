using System.Collections.Immutable;
using Cstar.Core.Scheduling;

namespace Cstar.Core.Planning;

/// <summary>
/// What a job would do if every host succeeded and came back at once: the waves in order, the hosts that
/// would be skipped or blocked (with why), the final outcome and a duration estimate
/// (waves × (per-host duration + gate)).
/// </summary>
public sealed record DryRunPlan(
    int TargetCount,
    ImmutableArray<PlanWave> Waves,
    ImmutableArray<string> Skipped,
    ImmutableArray<BlockedHost> Blocked,
    string Outcome,
    ImmutableArray<string> Warnings,
    TimeSpan EstimatedDuration)
{
    /// <summary>Where the estimate's figures come from (the default guess, the flag, or earlier runs).</summary>
    public string? EstimateBasis { get; init; }

    /// <summary>Which keyspaces the consistency rules cover and why, with their replicas per DC.</summary>
    public ImmutableArray<KeyspaceTreatment> Keyspaces { get; init; } = [];

    /// <summary>The keyspace policy as the job prints it once (heading, then one line per keyspace).</summary>
    public ImmutableArray<string> KeyspacePolicy { get; init; } = [];

    /// <summary>Strategy all with a command that takes its node down: what the first wave costs each keyspace (<see cref="ReplicaLoss"/>).</summary>
    public ImmutableArray<string> ReplicaLoss { get; init; } = [];

    public int MaxWaveSize => Waves.IsEmpty ? 0 : Waves.Max(w => w.Hosts.Length);
}
