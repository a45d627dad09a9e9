using System.Collections.Immutable;
using System.Globalization;

namespace Cstar.Core.Scheduling;

/// <summary>
/// The safe scheduler: a pure function from (context, progress, down nodes) to the next decision. It fills
/// the free room greedily in a fixed order (cluster, DC order, rack, address) and never starts a host that
/// would leave any range of a selected keyspace below its kept consistency level, counting nodes already
/// down and every host in flight (running, or finished but not seen back yet).
/// </summary>
public static class Scheduler
{
    public static SchedulingDecision Decide(ScheduleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var context = input.Context;
        var policy = context.Policy;
        var progress = input.Progress;
        var inFlight = progress.InFlight.ToList();
        var pending = progress.InState(HostState.Pending).ToList();

        var failed = progress.UnacknowledgedFailures.ToList();
        if (policy.HaltOnFailure && failed.Count > 0)
        {
            return inFlight.Count > 0
                ? new SchedulingDecision.Wait($"halting after the failure of {List(failed, context.HostOrder)}: waiting for {InFlightText(progress)}", [])
                : new SchedulingDecision.Finished($"halted after the failure of {List(failed, context.HostOrder)}; {N(pending.Count)} host(s) not started");
        }

        if (policy.IgnoreDownNodes)
        {
            var downTargets = pending.Where(input.DownNodes.Contains).ToImmutableArray();
            if (downTargets.Length > 0)
            {
                return new SchedulingDecision.Skip([.. downTargets.Order(context.HostOrder)], "down in the latest ring view; skipped because of --ignore-down-nodes");
            }
        }

        if (policy.StopAfter is int stop && progress.StartedCount >= stop)
        {
            return inFlight.Count > 0
                ? new SchedulingDecision.Wait($"stop-after {N(stop)} reached: waiting for {InFlightText(progress)}", [])
                : new SchedulingDecision.Finished($"stop-after reached: {N(progress.StartedCount)} host(s) started in this job (this run and earlier)");
        }

        var structural = pending.Where(context.StructurallyBlocked.ContainsKey).Select(h => context.StructurallyBlocked[h]).ToList();
        var actionable = pending.Where(h => !context.StructurallyBlocked.ContainsKey(h)).OrderBy(context.RankOf).ToList();
        if (actionable.Count == 0)
        {
            if (inFlight.Count > 0)
            {
                return new SchedulingDecision.Wait($"waiting for {InFlightText(progress)}", []);
            }

            return structural.Count > 0
                ? new SchedulingDecision.Blocked([.. structural], StructuralReason(structural, context.HostOrder))
                : new SchedulingDecision.Finished($"all {N(progress.States.Count)} target(s) handled: {N(progress.Count(HostState.Done))} done, {N(progress.Count(HostState.Skipped))} skipped");
        }

        var gate = new SerialGate(context, inFlight, actionable);
        using var builder = new WaveBuilder(context, input);
        var held = new List<BlockedHost>();
        foreach (var host in actionable)
        {
            var blocked = gate.Hold(host) ?? builder.TryAdmit(host);
            if (blocked is not null)
            {
                held.Add(blocked);
            }
        }

        if (builder.Admitted.Count > 0)
        {
            var limits = held.Select(h => h.Rule).Distinct().Order().ToImmutableArray();
            return new SchedulingDecision.Start(builder.Admitted.ToImmutable(), StartReason(builder.Admitted.Count, held), limits);
        }

        if (inFlight.Count > 0)
        {
            return new SchedulingDecision.Wait($"waiting for {InFlightText(progress)}; {Summary(held)}", [.. held]);
        }

        return new SchedulingDecision.Blocked(
            [.. held, .. structural],
            $"nothing in flight and no pending host can start without breaking a rule; {Summary(held)}{DownNodeWayOut(held, context.HostOrder)}");
    }

    /// <summary>
    /// Hosts held back only because they share ranges with nodes that are down: name them, the down nodes and the
    /// first keyspace rule, and the two ways out.
    /// </summary>
    private static string DownNodeWayOut(List<BlockedHost> held, IComparer<string> order)
    {
        var groups = held
            .Where(h => h.Rule == WaveLimit.Consistency && !h.BlockingNodes.IsDefaultOrEmpty)
            .GroupBy(h => string.Join(", ", h.BlockingNodes.Order(order)), StringComparer.Ordinal)
            .Select(g =>
            {
                var hosts = string.Join(", ", g.Select(h => h.Address).Order(order));
                return $"{hosts} share ranges with {g.Key} (down): {g.First().Reason}";
            })
            .ToList();
        return groups.Count == 0
            ? string.Empty
            : $". {string.Join("; ", groups)}. To go on, bring the down node(s) back (their peers must see them UN), or lower --keep-consistency (ONE lets a host run while one replica of each of its ranges stays up)";
    }

    private static string StartReason(int count, List<BlockedHost> held) =>
        held.Count == 0
            ? $"start {N(count)} host(s): every remaining host fits"
            : $"start {N(count)} host(s); {Summary(held)}";

    internal static string Summary(IReadOnlyCollection<BlockedHost> held) =>
        held.Count == 0
            ? "no host held"
            : "held back: " + string.Join(", ", held.GroupBy(h => h.Rule).OrderBy(g => g.Key)
                .Select(g => $"{N(g.Count())} by {RuleName(g.Key)}"));

    public static string RuleName(WaveLimit rule) => rule switch
    {
        WaveLimit.MaxConcurrency => "max-concurrency",
        WaveLimit.MaxConcurrencyPerDc => "max-concurrency-per-dc",
        WaveLimit.Strategy => "strategy",
        WaveLimit.TopologyConflict => "topology conflict",
        WaveLimit.Consistency => "consistency",
        WaveLimit.HostDown => "host down",
        WaveLimit.DcSerial => "dc-serial",
        WaveLimit.ClusterSerial => "cluster-serial",
        WaveLimit.StopAfter => "stop-after",
        _ => rule.ToString(),
    };

    private static string InFlightText(JobProgress progress) =>
        $"{N(progress.Count(HostState.Running))} running and {N(progress.AwaitingReturn.Count)} finished host(s) to come back";

    private static string List(List<string> hosts, IComparer<string> order) => string.Join(", ", hosts.Order(order).Take(5)) + (hosts.Count > 5 ? ", ..." : string.Empty);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The refusal names every host, and per keyspace the rule and the way out (the first host's reason stands for
    /// the others of that keyspace), so the run says what --dry-run says.
    /// </summary>
    private static string StructuralReason(List<BlockedHost> structural, IComparer<string> order)
    {
        var byKeyspace = structural
            .GroupBy(b => b.Keyspace ?? string.Empty, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var hosts = g.Select(b => b.Address).Order(order);
                return $"{string.Join(", ", hosts)}: {g.First().Reason}";
            });
        return $"{N(structural.Count)} host(s) can never start without making a keyspace unavailable; {string.Join("; ", byKeyspace)}";
    }
}
