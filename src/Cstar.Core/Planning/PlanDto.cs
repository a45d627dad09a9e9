using System.Globalization;

namespace Cstar.Core.Planning;

/// <summary>A dry-run plan as plain data (strings, numbers, lists) for JSON; the CLI serializes it.</summary>
public sealed record PlanDto(
    int Targets,
    int WaveCount,
    int LargestWave,
    double EstimatedSeconds,
    IReadOnlyList<PlanDto.WaveDto> Waves,
    IReadOnlyList<string> Skipped,
    IReadOnlyList<PlanDto.BlockedDto> Blocked,
    IReadOnlyList<string> Warnings,
    string Outcome)
{
    public static PlanDto From(DryRunPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new PlanDto(
            plan.TargetCount,
            plan.Waves.Length,
            plan.MaxWaveSize,
            plan.EstimatedDuration.TotalSeconds,
            [.. plan.Waves.Select(w => new WaveDto(w.Number, [.. w.Hosts], [.. w.BoundedBy.Select(Scheduling.Scheduler.RuleName)], w.Reason))],
            [.. plan.Skipped],
            [.. plan.Blocked.Select(b => new BlockedDto(b.Address, Scheduling.Scheduler.RuleName(b.Rule), b.Reason, b.Keyspace, b.Range, b.BlockingNodes.IsDefault ? [] : [.. b.BlockingNodes]))],
            [.. plan.Warnings],
            plan.Outcome)
        {
            ReplicaLoss = [.. plan.ReplicaLoss],
            Keyspaces = [.. plan.Keyspaces.Select(k => new KeyspaceDto(k.Cluster, k.Keyspace, k.Coverage.ToString(), k.Why, k.ReplicasPerDc, k.Warning))],
        };
    }

    /// <summary>The keyspace policy: each replicated keyspace, covered or not and why, with its replicas per DC.</summary>
    public IReadOnlyList<KeyspaceDto> Keyspaces { get; init; } = [];

    /// <summary>Strategy all with a command that takes its node down: the replicas the first wave takes down, per keyspace.</summary>
    public IReadOnlyList<string> ReplicaLoss { get; init; } = [];

    public sealed record KeyspaceDto(string Cluster, string Keyspace, string Coverage, string Why, string ReplicasPerDc, string? Warning);

    public sealed record WaveDto(int Number, IReadOnlyList<string> Hosts, IReadOnlyList<string> BoundedBy, string Reason)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"wave {Number}: {Hosts.Count}");
    }

    public sealed record BlockedDto(string Host, string Rule, string Reason, string? Keyspace, string? Range, IReadOnlyList<string> BlockingNodes);
}
