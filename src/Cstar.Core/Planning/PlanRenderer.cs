using System.Globalization;
using System.Text;
using Cstar.Core.Scheduling;

namespace Cstar.Core.Planning;

/// <summary>Plain-text rendering of a dry-run plan (pure string building; the CLI prints it).</summary>
public static class PlanRenderer
{
    public static string Render(DryRunPlan plan, int maxHostsPerLine = 12)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = new StringBuilder();
        Line(text, $"Dry run: {plan.TargetCount} target(s), {plan.Waves.Length} wave(s), largest wave {plan.MaxWaveSize}, estimated {Duration(plan.EstimatedDuration)}");
        if (plan.EstimateBasis is { } basis)
        {
            Line(text, $"estimate from {basis}");
        }

        foreach (var line in plan.KeyspacePolicy)
        {
            Line(text, line);
        }

        foreach (var warning in plan.Warnings)
        {
            Line(text, $"warning: {warning}");
        }

        foreach (var wave in plan.Waves)
        {
            var limits = wave.BoundedBy.IsEmpty ? "nothing" : string.Join(", ", wave.BoundedBy.Select(Scheduler.RuleName));
            Line(text, $"wave {wave.Number}: {wave.Hosts.Length} host(s), bounded by {limits}");
            for (var i = 0; i < wave.Hosts.Length; i += maxHostsPerLine)
            {
                Line(text, "  " + string.Join(" ", wave.Hosts.Skip(i).Take(maxHostsPerLine)));
            }
        }

        if (!plan.ReplicaLoss.IsEmpty)
        {
            Line(text, "the command takes its node down: running wave 1 at once takes down these replicas");
            foreach (var loss in plan.ReplicaLoss)
            {
                Line(text, "  " + loss);
            }
        }

        if (!plan.Skipped.IsEmpty)
        {
            Line(text, $"skipped (down, --ignore-down-nodes): {string.Join(" ", plan.Skipped)}");
        }

        if (!plan.Blocked.IsEmpty)
        {
            Line(text, $"blocked: {plan.Blocked.Length} host(s) will not run");
            foreach (var blocked in plan.Blocked)
            {
                Line(text, $"  {blocked.Address}: {blocked.Reason}");
            }
        }

        Line(text, $"outcome: {plan.Outcome}");
        return text.ToString();
    }

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');

    private static string Duration(TimeSpan span) =>
        span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h{span.Minutes:00}m")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Minutes}m{span.Seconds:00}s");
}
