using System.Collections.Immutable;
using Cstar.Core.Scheduling;

namespace Cstar.Core.Planning;

/// <summary>
/// Runs the scheduler forward for --dry-run, assuming every host succeeds and comes back instantly: each
/// Start decision is a wave. Pure: the same inputs give the same plan.
/// </summary>
public static class PlanSimulator
{
    public static DryRunPlan Simulate(SchedulingContext context, JobProgress progress, IEnumerable<string> downNodes, PlanEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(estimate);
        var down = downNodes.ToImmutableHashSet(StringComparer.Ordinal);
        var waves = ImmutableArray.CreateBuilder<PlanWave>();
        var skipped = ImmutableArray.CreateBuilder<string>();
        var blocked = ImmutableArray<BlockedHost>.Empty;
        var outcome = "no decision";

        // Let the hosts in flight at the start finish and come back first.
        foreach (var host in progress.InState(HostState.Running).ToList())
        {
            progress = progress.WithDone(host);
        }

        foreach (var host in progress.AwaitingReturn.ToList())
        {
            progress = progress.WithReturned(host);
        }

        for (var step = 0; step <= (2 * progress.States.Count) + 2; step++)
        {
            var decision = Scheduler.Decide(new ScheduleInput(context, progress, down));
            outcome = decision.Reason;
            if (decision is SchedulingDecision.Start start)
            {
                waves.Add(new PlanWave(waves.Count + 1, [.. start.Hosts.Order(context.HostOrder)], start.Reason, start.BoundedBy));
                foreach (var host in start.Hosts)
                {
                    progress = progress.WithRunning(host).WithDone(host).WithReturned(host);
                }
            }
            else if (decision is SchedulingDecision.Skip skip)
            {
                skipped.AddRange(skip.Hosts);
                foreach (var host in skip.Hosts)
                {
                    progress = progress.WithSkipped(host);
                }
            }
            else
            {
                if (decision is SchedulingDecision.Blocked b)
                {
                    blocked = [.. b.Hosts.OrderBy(h => h.Address, context.HostOrder)];
                }

                break;
            }
        }

        var duration = (estimate.PerHost + estimate.Gate) * waves.Count;
        return new DryRunPlan(progress.States.Count, waves.ToImmutable(), [.. skipped.Order(context.HostOrder)], blocked, outcome, context.Warnings, duration)
        {
            EstimateBasis = estimate.Basis,
            Keyspaces = context.Keyspaces,
            KeyspacePolicy = context.KeyspacePolicyLines,
        };
    }
}
