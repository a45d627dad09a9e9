using System.Collections.Immutable;
using System.Text.Json;
using Cstar.Cli.Composition;
using Cstar.Cli.Errors;
using Cstar.Cli.Verbs;
using Cstar.Core.BackPressure;
using Cstar.Core.Commands;
using Cstar.Core.Errors;
using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.Core.Jobs.Events;
using Cstar.Core.Ports;
using Cstar.JobStore.Events;
using Cstar.JobStore.Sqlite;
using Cstar.Transport.Detached;
using Cstar.Transport.Execution;
using Cstar.Transport.Local;

namespace Cstar.Cli.Jobs;

/// <summary>
/// Composes one run of a job — discovery, policy, store, locks, transports, gate, observers — and hands it to
/// the engine's <see cref="JobRunner"/>. New jobs and `continue` share it; only where the inputs come from differs.
/// </summary>
internal sealed class JobLauncher(TextWriter stdout, TextWriter stderr, IConsolePrompt prompt, TimeProvider time)
{
    /// <summary>--reconnect-window's default: how long a host may stay out of contact while its command runs.</summary>
    public static readonly TimeSpan DefaultReconnectWindow = TimeSpan.FromMinutes(10);

    public async Task<int> RunNewAsync(JobLaunch launch, CancellationToken cancellationToken)
    {
        var options = launch.Options;
        var variablesFile = HostVariablesFile.Read(options.HostsVariables);
        await using var transport = TransportFactory.Create(options, SshOptionsFactory.From(options, prompt), time);
        var hostNames = await JobSetupBuilder.HostNamesAsync(options, cancellationToken);
        var setup = await JobSetupBuilder.BuildAsync(options, launch.Header, transport, hostNames, cancellationToken);
        var variables = await HostVariablesResolver.ResolveAsync(variablesFile, launch, setup, stderr, cancellationToken);
        if (options.DryRun)
        {
            return await DryRun.PrintAsync(setup, options, stdout, () => EarlierRuns.Estimate(options.OutputDirectory, launch.CommandName, launch.Arguments, time), launch.Header.TakesNodeDown);
        }

        AllAtOnceGuard.Check(launch.CommandName, launch.Header, setup.Context.Policy, options);

        using var store = JobStoreFactory.Open(options.OutputDirectory, time);
        var jobId = NewJobId(options.EnforcedJobId, store);
        var definition = new JobDefinition(
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
            time.GetUtcNow(),
            launch.Runner)
        { HostVariables = variables, RingMembers = [.. setup.Topology.AllNodes.Select(n => n.Address)] };
        return await RunAsync(store, transport, setup, definition, launch.Header, options, resume: false, retryFailed: false, cancellationToken);
    }

    public async Task<int> ContinueAsync(ContinueOptions continueOptions, CancellationToken cancellationToken)
    {
        var typed = continueOptions.JobId ?? throw new CstarException("cstar continue needs the job id.", "Run cstar jobs to list jobs, then cstar continue <job-id>.", ExitCode.Usage);
        using var store = JobStoreFactory.OpenExisting(continueOptions.OutputDirectory, time);
        var jobId = JobIdResolver.Resolve(typed, store.ListJobs());
        var stored = store.LoadJob(jobId);
        if (stored.State == JobState.Finished)
        {
            throw new CstarException($"Job {jobId} is finished: nothing to continue.", "cstar jobs show " + jobId + " shows what each host did.");
        }

        var definition = stored.Definition;
        var words = JsonSerializer.Deserialize<string[]>(definition.SchedulingPolicy) ?? [];
        JobOptions options;
        try
        {
            options = Arguments.ArgumentParser.Parse<JobOptions>(VerbSyntaxes.StoredJobFlags, words).Options;
        }
        catch (CstarException e)
        {
            throw new CstarException($"The flags stored with job {jobId} no longer parse: {e.Message}", "Start a new job with the same command.");
        }

        options.StopAfter = continueOptions.StopAfter;
        options.Verbose = Math.Max(options.Verbose, continueOptions.Verbose);
        options.OutputDirectory = continueOptions.OutputDirectory;
        JobFlagCheck.Values(options, VerbSyntaxes.StoredJobFlags);
        if (options.HostsVariables is { } file)
        {
            await stderr.WriteLineAsync($"note: --hosts-variables: the values stored with the job are used; {file} is not read again.");
        }

        if (definition.Runner == RunnerKind.Remote && CommandDrift.Changed(definition.Command) is { } current)
        {
            await stderr.WriteLineAsync(CommandDrift.Note(current, continueOptions.ReloadCommand));
            definition = continueOptions.ReloadCommand ? definition with { Command = current } : definition;
        }

        var header = definition.Runner == RunnerKind.Remote && definition.Command.ScriptText is { } text
            ? CommandHeaderParser.Parse(definition.Command.ScriptPath ?? definition.CommandName, definition.CommandName, text)
            : CommandHeader.Empty(definition.CommandName);
        await using var transport = TransportFactory.Create(options, SshOptionsFactory.From(options, prompt), time);
        var hostNames = definition.Hosts.Hosts.AddRange(
            definition.Hosts.HostFileContents is { } contents ? Cstar.Ring.Hosts.HostListParser.ParseFile(contents) : []);
        options.SeedHosts = ContinueSeeds.Of(definition, continueOptions.SeedHosts, stored.Hosts.Select(h => h.Host));
        var setup = await JobSetupBuilder.BuildAsync(options, header, transport, hostNames, cancellationToken);
        AllAtOnceGuard.Check(definition.CommandName, header, setup.Context.Policy, options);
        return await RunAsync(store, transport, setup, definition, header, options, resume: true, continueOptions.RetryFailed, cancellationToken);
    }

    private async Task<int> RunAsync(
        SqliteJobStore store, CommandTransportBase transport, JobSetup setup, JobDefinition definition, CommandHeader header,
        JobOptions options, bool resume, bool retryFailed, CancellationToken cancellationToken)
    {
        var clusters = setup.Topology.Clusters.Select(c => c.Name).ToList();
        var acquired = new List<string>();
        using var log = Logging.JobLog.Open(store.Paths.JobFolder(definition.JobId), definition.JobId, stderr, options.Verbose);
        MachineLocks? machineLocks = null;
        try
        {
            machineLocks = MachineLocks.Take(setup.Topology.Clusters, definition.JobId, store.Paths.Root, options.Force, stderr, time);
            foreach (var cluster in clusters)
            {
                var result = store.TryAcquireClusterLock(cluster, definition.JobId, options.Force);
                if (!result.Acquired)
                {
                    throw new CstarException(result.Describe() + ".", "Wait for it to end (cstar jobs), or pass --force if you are sure it is not running.");
                }

                acquired.Add(cluster);
            }

            await using var local = new LocalTransport(TimeSpan.FromSeconds(2), time);
            var runOptions = new DetachedRunOptions { ReconnectWindow = DurationFlag.Parse(options.ReconnectWindow, "--reconnect-window") ?? DefaultReconnectWindow };
            var hostRunner = definition.Runner == RunnerKind.Remote
                ? DetachedRunners.Remote(transport, definition.Command.ScriptText ?? string.Empty, time, runOptions)
                : DetachedRunners.Local(local, definition.Command.ScriptText ?? string.Empty, store.Paths.JobFolder(definition.JobId), time, runOptions, definition.HostVariables);
            using var events = options.Events is { } target ? NdjsonEventWriter.Open(target, stdout) : null;
            var observer = new PlainConsoleObserver(
                options.Events == "-" ? stderr : stdout, options.IpLabel, options.Verbose, time, host => store.Paths.HostFolder(definition.JobId, host));
            var services = new JobRunnerServices(store, new Cstar.JobStore.Output.FileHostOutputStore(store.Paths), hostRunner, HealthProbeFactory.Create(options, transport, setup.Topology), time)
            {
                Events = (IJobEventSink?)events ?? new NoEvents(),
                Observer = observer,
                Confirmation = options.Confirm ? new PromptHostConfirmation(prompt) : null,
                Load = HealthProbeFactory.CreateLoadProbe(options, transport, time),
                Controls = store,
            };
            var request = new JobRunRequest
            {
                Definition = definition,
                Hosts = [.. setup.Targets.Select(n => n.Address)],
                Context = setup.Context,
                Resume = resume,
                RetryFailed = retryFailed,
                StopAfter = options.StopAfter,
                MaxFailures = options.MaxFailures ?? 0,
                HostTimeout = DurationFlag.Parse(options.Timeout, "--timeout") ?? header.Timeout,
                WaitTimeout = DurationFlag.Parse(options.WaitTimeout, "--wait-timeout") ?? TimeSpan.FromMinutes(30),
                RequireCql = options.WaitForCql || header.WaitForCql,
                CommandRebootsHost = header.RebootsHost,
                NodeDonePause = TimeSpan.FromSeconds(Math.Max(0, options.NodeDonePauseTime ?? 0)),
                BackPressure = BackPressureLimits.Of(options.MaxPendingCompactions, header.MaxPendingCompactions, options.NoStreaming),
                Environment = ArgumentEnvironment.Resolve(definition.Arguments, prompt, header, stderr),
            };

            // Ctrl+C is ours, and the job is in the store, before its id is printed: every id printed is one continue knows.
            using var interrupt = new InterruptHandler(stderr);
            if (!resume)
            {
                store.CreateJob(definition, request.Hosts);
                request = request with { Created = true };
            }

            await observer.JobStartingAsync(definition, setup, resume);
            log.JobStarting(definition, setup, header, resume);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, interrupt.Token);
            var outcome = await LiveView.JobView.RunAsync(
                stdout, observer, setup.Topology, request.Hosts, time, allowLive: LiveView.JobView.AllowsLive(options), view => new JobRunner(services with { Observer = log.Observe(view) }).RunAsync(request, linked.Token));
            log.JobEnded(outcome);
            await RunSummary.PrintAsync(stdout, store, outcome);
            return (int)outcome.ExitCode;
        }
        catch (Exception e) when (log.Failed(e) || JobErrorContext.Attach(e, definition.JobId, log.FilePath, store.Paths.Root))
        {
            throw;
        }
        finally
        {
            foreach (var cluster in acquired)
            {
                ReleaseClusterLock(store, cluster, definition.JobId);
            }

            machineLocks?.Dispose();
        }
    }

    /// <summary>
    /// Best effort: a lock row this process cannot delete (full or read-only disk) names a process that is about to
    /// be gone, and a dead holder's lock is free; the error that brought us here is the one to report.
    /// </summary>
    private static void ReleaseClusterLock(SqliteJobStore store, string cluster, string jobId)
    {
        try
        {
            store.ReleaseClusterLock(cluster, jobId);
        }
        catch (CstarException e) when (e.ExitCode == ExitCode.LocalStorage)
        {
        }
    }

    private static string NewJobId(string? enforced, SqliteJobStore store)
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
                $"Give a new UUID, or run cstar continue {enforced} to resume that job (cstar jobs show {enforced} shows it).");
    }

    private sealed class NoEvents : IJobEventSink
    {
        public void Publish(JobEvent jobEvent)
        {
        }
    }
}
