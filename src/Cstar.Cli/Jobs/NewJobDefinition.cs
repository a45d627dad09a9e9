using System.Collections.Immutable;
using System.Text.Json;
using Cstar.Core.Commands;
using Cstar.Core.Errors;
using Cstar.Core.Jobs;
using Cstar.JobStore.Sqlite;

namespace Cstar.Cli.Jobs;

/// <summary>A new job's id and what is stored with it: everything <c>cstar continue</c> needs to run it again.</summary>
internal static class NewJobDefinition
{
    public static JobDefinition Create(JobLaunch launch, string jobId, JobSetup setup, ImmutableArray<string> hostNames, HostVariables variables, DateTimeOffset now)
    {
        var options = launch.Options;
        return new JobDefinition(
            jobId,
            launch.CommandName,
            launch.Source,
            launch.Arguments,
            JsonSerializer.Serialize(launch.JobFlagWords),
            new HostSelection(
                [.. options.SeedHosts], [.. options.Hosts], options.HostFile, options.HostFile is null ? null : string.Join('\n', hostNames.Except(options.Hosts)),
                options.DcFilter, options.RackFilter, options.SelectedKeyspaces() is { Count: > 0 } keyspaces ? string.Join(',', keyspaces) : null),
            options.Reason,
            [.. setup.Topology.Clusters.Select(c => c.Name)],
            now,
            launch.Runner)
        { HostVariables = variables, RingMembers = [.. setup.Topology.AllNodes.Select(n => n.Address)] };
    }

    /// <summary>A fresh UUID, or --enforced-job-id when it is a lower-case UUID no job of the store has.</summary>
    public static string NewJobId(string? enforced, SqliteJobStore store)
    {
        if (enforced is null)
        {
            return Guid.NewGuid().ToString();
        }

        if (!Guid.TryParse(enforced, out var id) || id.ToString() != enforced)
        {
            throw new CstarException($"--enforced-job-id '{enforced}' is not a lower-case UUID.", "Give one like 0b5e4a52-8f2a-4c1e-9d0b-6f3c2e1a7b90.", ExitCode.Usage);
        }

        // Refused before anything is opened in the job's folder: the existing job's log and outputs stay as they were.
        return store.FindJobState(enforced) is null && !Directory.Exists(store.Paths.JobFolder(enforced))
            ? enforced
            : throw new CstarException(
                $"--enforced-job-id {enforced}: a job with this id already exists in {store.Paths.Root}; nothing was changed.",
                $"Give a new UUID, or run {ContinueCommand.For(enforced, store.Paths.Root)} to resume that job (cstar jobs show {enforced}{ContinueCommand.StoreFlag(store.Paths.Root)} shows it).");
    }
}
