using Cstar.Cli.Verbs;
using Cstar.Core.Planning;
using Cstar.JobStore.Timeline;

namespace Cstar.Cli.Jobs;

/// <summary>
/// What a new job stores in its folder as <c>plan.json</c>: each target's cluster, DC and rack, and the dry run's
/// waves and estimate (same basis as <c>--dry-run</c>: --estimate-per-host, earlier runs, or the default guess).
/// </summary>
internal static class JobPlans
{
    public static JobPlanRecord From(JobSetup setup, JobOptions options, Func<PlanEstimate?>? history)
    {
        var plan = DryRun.Simulate(setup, options, history);
        return new JobPlanRecord(
            plan.EstimatedDuration,
            plan.EstimateBasis,
            [.. plan.Waves.Select(w => new JobPlanRecord.PlannedWave(w.Number, [.. w.Hosts]))],
            [.. setup.Targets.Select(n => new JobPlanRecord.Placement(n.Address, n.Cluster, n.Datacenter, n.Rack))]);
    }

    /// <summary>Writes the plan into the job's folder; a plan that cannot be written never stops the job (the report then lacks it).</summary>
    public static void TryWrite(JobPlanRecord plan, string jobFolder, TextWriter stderr)
    {
        try
        {
            plan.Write(jobFolder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"note: the job's plan (for cstar jobs report) could not be written in {jobFolder}: {e.Message}");
        }
    }
}
