using Cstar.Cli.Composition;
using Cstar.Cli.Errors;
using Cstar.Cli.Verbs;
using Cstar.Core.Commands;
using Cstar.Core.Errors;
using Cstar.Core.Jobs;
using Cstar.JobStore.Events;
using Cstar.JobStore.Sqlite;
using Cstar.Transport.Execution;

namespace Cstar.Cli.Jobs;

/// <summary>
/// Runs a job: a new one (<see cref="RunNewAsync"/>) or a stored one (<see cref="ContinueAsync"/>) differ only in where
/// the inputs come from; both then lock, run and summarize. The engine is assembled by <see cref="JobEngineFactory"/>;
/// the console view, the job log and the --events writer are its subscribers.
/// </summary>
internal sealed class JobLauncher(TextWriter stdout, TextWriter stderr, IConsolePrompt prompt, TimeProvider time)
{
    public async Task<int> RunNewAsync(JobLaunch launch, CancellationToken cancellationToken)
    {
        var options = launch.Options;
        if (options.Detach && DetachedStart.ChildJobId is null)
        {
            DetachedStart.Refuse(options.Confirm, options.DryRun);
            return await DetachedStart.StartAsync(options.EnforcedJobId ?? Guid.NewGuid().ToString(), options.OutputDirectory, stdout, stderr, time);
        }

        options.EnforcedJobId = DetachedStart.ChildJobId ?? options.EnforcedJobId;
        StartupTrace.Mark("job flags read");
        var variablesFile = HostVariablesFile.Read(options.HostsVariables);
        await using var transport = TransportFactory.Create(options, SshOptionsFactory.From(options, prompt), time);
        var hostNames = await JobSetupBuilder.HostNamesAsync(options, cancellationToken);

        // The store opens while discovery runs (a dry run records nothing: no store); the job is recorded after it, as before.
        // A store that does not exist yet is only created once discovery succeeded (a failed first run leaves no file).
        await using var earlyStore = options.DryRun
            ? null
            : EarlyJobStore.Start(() => JobStoreFactory.Open(options.OutputDirectory, time), JobStoreFactory.DatabaseExists(options.OutputDirectory), SqliteJobStore.WarmWithoutFile);
        if (!options.DryRun)
        {
            StartupWarmup.Start();
        }

        StartupTrace.Mark("discovery starts");
        var setup = await JobSetupBuilder.BuildAsync(options, launch.Header, transport, hostNames, cancellationToken);
        StartupTrace.Mark("discovered");
        var variables = await HostVariablesResolver.ResolveAsync(variablesFile, launch, setup, stderr, cancellationToken);
        if (options.DryRun)
        {
            return await DryRun.PrintAsync(setup, options, stdout, () => EarlierRuns.Estimate(options.OutputDirectory, launch.CommandName, launch.Arguments, time), launch.Header.TakesNodeDown);
        }

        AllAtOnceGuard.Check(launch.CommandName, launch.Header, setup.Context.Policy, options);
        using var store = await earlyStore!.TakeAsync();
        StartupTrace.Mark("job store open");
        var plan = JobPlans.From(setup, options, () => EarlierRuns.Estimate(store, launch.CommandName, launch.Arguments));
        var definition = NewJobDefinition.Create(launch, NewJobDefinition.NewJobId(options.EnforcedJobId, store), setup, hostNames, variables, time.GetUtcNow());
        return await RunAsync(store, transport, setup, definition, launch.Header, options, resume: false, retryFailed: false, cancellationToken, plan);
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

        if (continueOptions.Detach && DetachedStart.ChildJobId is null)
        {
            if (stored.State == JobState.Running && !store.RunnerIsGone(jobId))
            {
                throw new CstarException($"Job {jobId} is running: its runner process is alive.", $"Watch it with cstar attach {jobId}{ContinueCommand.StoreFlag(store.Paths.Root)}.");
            }

            return await DetachedStart.StartAsync(jobId, continueOptions.OutputDirectory, stdout, stderr, time);
        }

        var (options, definition, header) = await ContinuedJobInputs.RestoreAsync(continueOptions, stored, stderr);
        await using var transport = TransportFactory.Create(options, SshOptionsFactory.From(options, prompt), time);
        var hostNames = definition.Hosts.Hosts.AddRange(
            definition.Hosts.HostFileContents is { } contents ? Cstar.Ring.Hosts.HostListParser.ParseFile(contents) : []);
        options.SeedHosts = ContinueSeeds.Of(definition, continueOptions.SeedHosts, stored.Hosts.Select(h => h.Host));
        var setup = await JobSetupBuilder.BuildAsync(options, header, transport, hostNames, cancellationToken);
        AllAtOnceGuard.Check(definition.CommandName, header, setup.Context.Policy, options);
        return await RunAsync(store, transport, setup, definition, header, options, resume: true, continueOptions.RetryFailed, cancellationToken);
    }

    /// <summary>Lock, run, summarize: the engine and the views are assembled elsewhere; the log records every way out.</summary>
    private async Task<int> RunAsync(
        SqliteJobStore store, CommandTransportBase transport, JobSetup setup, JobDefinition definition, CommandHeader header,
        JobOptions options, bool resume, bool retryFailed, CancellationToken cancellationToken, JobStore.Timeline.JobPlanRecord? plan = null)
    {
        using var log = Logging.JobLog.Open(store.Paths.JobFolder(definition.JobId), definition.JobId, stderr, options.Verbose);
        try
        {
            var names = options.ResolveHostnames
                ? await HostDisplayNames.ResolveAsync([.. setup.Targets.Select(t => t.Address)], new Ring.Hosts.DnsHostNameLookup(), time, stderr, cancellationToken)
                : HostDisplayNames.None;
            using var locks = JobLocks.Take(store, setup.Topology, definition.JobId, options.Force, stderr, time);
            await using var engine = JobEngineFactory.Create(store, transport, definition, setup, options, prompt, time);
            using var events = options.Events is { } target ? NdjsonEventWriter.Open(target, stdout) : null;
            // events.ndjson in the job folder, always: the timeline report and cstar attach read it.
            using var eventFile = new JobEventFile(store.Paths.JobFolder(definition.JobId));
            var plain = new PlainConsoleObserver(
                options.Events == "-" ? stderr : stdout, options.IpLabel, options.Verbose, time, setup.Context.HostOrder, host => store.Paths.HostFolder(definition.JobId, host), names.Of);
            var request = JobRunRequestFactory.Create(definition, setup, header, options, resume, retryFailed, prompt, stderr);

            // Ctrl+C is ours, and the job is in the store, before its id is printed: every id printed is one continue knows.
            using var interrupt = new InterruptHandler(stderr);
            if (!resume)
            {
                store.CreateJob(definition, request.Hosts);
                request = request with { Created = true };
                if (plan is not null)
                {
                    JobPlans.TryWrite(plan, store.Paths.JobFolder(definition.JobId), stderr);
                }
            }

            await HostFolderLinks.CreateAsync(store.Paths.JobFolder(definition.JobId), names, stderr);
            StartupTrace.Mark("job recorded");
            await plain.JobStartingAsync(definition, setup, resume);
            log.JobStarting(definition, setup, header, resume);
            StartupTrace.Mark("job starting");
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, interrupt.Token);
            // Under continue the view starts from what earlier runs left, so its counts end equal to the summary's.
            var earlier = resume ? store.LoadJob(definition.JobId).Hosts : [];
            var outcome = await LiveView.JobView.RunAsync(
                stdout, plain, setup.Topology, resume ? earlier.Select(h => h.Host) : request.Hosts, time, allowLive: LiveView.JobView.AllowsLive(options),
                view => engine.RunAsync(request, events is null ? [view, log.Subscriber, eventFile] : [view, log.Subscriber, eventFile, events], linked.Token), earlier, interrupt, names.Of);
            log.JobEnded(outcome);
            await RunSummary.PrintAsync(stdout, store, outcome, setup.Context.HostOrder, label: names.Of);
            return (int)outcome.ExitCode;
        }
        catch (Exception e) when (log.Failed(e) || JobErrorContext.Attach(e, definition.JobId, log.FilePath, store.Paths.Root))
        {
            throw;
        }
    }
}
