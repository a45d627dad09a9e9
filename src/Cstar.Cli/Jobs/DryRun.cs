using System.Text.Json;
using Cstar.Cli.Verbs;
using Cstar.Core.Commands;
using Cstar.Core.Errors;
using Cstar.Core.Planning;
using Cstar.Core.Scheduling;

namespace Cstar.Cli.Jobs;

/// <summary>
/// --dry-run: the scheduler run forward on the discovered ring, assuming every host succeeds and comes back:
/// waves in order, the rule that bounded each, blocked hosts and why, and an estimated duration.
/// Nothing beyond discovery touches a host.
/// </summary>
internal static class DryRun
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <param name="history">Earlier runs of the same command, when --estimate-per-host is not given (null: none).</param>
    public static async Task<int> PrintAsync(JobSetup setup, JobOptions options, TextWriter stdout, Func<PlanEstimate?>? history = null, bool takesNodeDown = false)
    {
        var plan = Simulate(setup, options, history);
        if (takesNodeDown && setup.Context.Policy.Strategy == SchedulingStrategy.All && !plan.Waves.IsEmpty)
        {
            plan = plan with { ReplicaLoss = ReplicaLoss.Lines(setup.ReplicaMaps, setup.Context.Keyspaces, plan.Waves[0].Hosts) };
        }

        if (OutputFormats.Parse(options.Output) == OutputFormat.Json)
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(PlanDto.From(plan), Json));
        }
        else
        {
            await stdout.WriteAsync(PlanRenderer.Render(plan));
        }

        return 0;
    }

    /// <summary>The plan a dry run prints (also stored with a new job, for its timeline report).</summary>
    public static DryRunPlan Simulate(JobSetup setup, JobOptions options, Func<PlanEstimate?>? history = null) =>
        PlanSimulator.Simulate(setup.Context, JobProgress.Create(setup.Targets.Select(n => n.Address)), setup.DownNodes, Estimate(options, history));

    private static PlanEstimate Estimate(JobOptions options, Func<PlanEstimate?>? history)
    {
        if (DurationFlag.Parse(options.EstimatePerHost, "--estimate-per-host") is { } perHost)
        {
            return PlanEstimate.Default with { PerHost = perHost, Basis = $"--estimate-per-host {options.EstimatePerHost} and 30 s to come back" };
        }

        return history?.Invoke() ?? PlanEstimate.Default;
    }
}
