using System.Collections.Immutable;
using Cstar.Cli.Composition;
using Cstar.Core.Errors;
using Cstar.Core.Jobs;
using Cstar.Core.Planning;
using Cstar.Core.Ports;
using Cstar.JobStore;

namespace Cstar.Cli.Jobs;

/// <summary>
/// The dry run's estimate from the job store: the newest finished job of the same command (with the same
/// arguments if there is one, else any), read only if a store already exists — a dry run creates nothing.
/// </summary>
internal static class EarlierRuns
{
    public static PlanEstimate? Estimate(string? outputDirectory, string commandName, IEnumerable<JobArgument> arguments, TimeProvider time)
    {
        var paths = outputDirectory is null ? JobStorePaths.Default() : new JobStorePaths(outputDirectory);
        if (!File.Exists(paths.DatabasePath))
        {
            return null;
        }

        using var store = JobStoreFactory.Open(outputDirectory, time);
        return Estimate(store, commandName, arguments);
    }

    /// <summary>From a store the caller has open (a new job's own: not a second connection with its own checks).</summary>
    public static PlanEstimate? Estimate(IJobCatalog store, string commandName, IEnumerable<JobArgument> arguments)
    {
        var literals = Literals(arguments);
        var candidates = store.ListJobs()
            .Where(j => j.State == JobState.Finished && j.Hosts.Succeeded > 0 && string.Equals(j.CommandName, commandName, StringComparison.Ordinal))
            .OrderByDescending(j => j.EndedAt ?? j.CreatedAt)
            .Take(20);
        StoredJob? fallback = null;
        foreach (var candidate in candidates)
        {
            StoredJob job;
            try
            {
                job = store.LoadJob(candidate.JobId);
            }
            catch (CstarException)
            {
                continue; // a damaged job is no basis for an estimate; cstar jobs reports it
            }

            if (Literals(job.Definition.Arguments).SequenceEqual(literals))
            {
                return EstimateFromHistory.From(job.Definition.JobId, job.Hosts);
            }

            fallback ??= job;
        }

        return fallback is null ? null : EstimateFromHistory.From(fallback.Definition.JobId, fallback.Hosts);
    }

    /// <summary>The literal argument values, in name order: two runs had the same arguments when these are equal (secrets never count).</summary>
    private static ImmutableSortedDictionary<string, string> Literals(IEnumerable<JobArgument> arguments) =>
        arguments.Where(a => a.Literal is not null).ToImmutableSortedDictionary(a => a.Name, a => a.Literal!, StringComparer.Ordinal);
}
