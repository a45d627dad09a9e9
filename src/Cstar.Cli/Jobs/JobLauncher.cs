using System.Collections.Immutable;
using System.Text.Json;
using Cstar.Cli.Composition;
using Cstar.Cli.Verbs;
using Cstar.Core.Commands;
using Cstar.Core.Errors;
using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.Core.Jobs.Events;
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
        var jobId = NewJobId(options.EnforcedJobId);
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
            launch.Runner) { HostVariables = variables };
        return await RunAsync(store, transport, setup, definition, launch.Header, options, resume: false, retryFailed: false, cancellationToken);
    }

    public async Task<int> ContinueAsync(ContinueOptions continueOptions, CancellationToken cancellationToken)
    {
        var jobId = continueOptions.JobId ?? throw new CstarException("cstar continue needs the job id.", "Run cstar jobs to list jobs, then cstar continue <job-id>.", ExitCode.Usage);
        using var store = JobStoreFactory.Open(continueOptions.OutputDirectory, time);
        var stored = store.LoadJob(jobId);
        if (stored.State == JobState.Finished)
        {
            throw new CstarException($"Job {jobId} is finished: nothing to continue.", "cstar jobs show " + jobId + " shows what each host did.");
        }

        var definition = stored.Definition;
        var words = JsonSerializer.Deserialize<string[]>(definition.SchedulingPolicy) ?? [];
        using var parser = CliParser.Create();
        var options = parser.ParseArguments<JobOptions>(words).Value
            ?? throw new CstarException($"The flags stored with job {jobId} no longer parse.", "Start a new job with the same command.");
        options.StopAfter = continueOptions.StopAfter;
        options.Verbose = Math.Max(options.Verbose, continueOptions.Verbose);
        options.OutputDirectory = continueOptions.OutputDirectory;
        if (options.HostsVariables is { } file)
        {
            await stderr.WriteLineAsync($"note: --hosts-variables: the values stored with the job are used; {file} is not read again.");
        }

        var header = definition.Runner == RunnerKind.Remote && definition.Command.ScriptText is { } text
            ? CommandHeaderParser.Parse(definition.Command.ScriptPath ?? definition.CommandName, definition.CommandName, text)
            : CommandHeader.Empty(definition.CommandName);
        await using var transport = TransportFactory.Create(options, SshOptionsFactory.From(options, prompt), time);
        var hostNames = definition.Hosts.Hosts.AddRange(
            definition.Hosts.HostFileContents is { } contents ? Cstar.Ring.Hosts.HostListParser.ParseFile(contents) : []);
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
        try
        {
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
            var hostRunner = definition.Runner == RunnerKind.Remote
                ? DetachedRunners.Remote(transport, definition.Command.ScriptText ?? string.Empty, time)
                : DetachedRunners.Local(local, definition.Command.ScriptText ?? string.Empty, store.Paths.JobFolder(definition.JobId), time, variables: definition.HostVariables);
            using var events = options.Events is { } target ? NdjsonEventWriter.Open(target, stdout) : null;
            var observer = new PlainConsoleObserver(options.Events == "-" ? stderr : stdout, options.IpLabel, options.Verbose, time);
            var services = new JobRunnerServices(store, new Cstar.JobStore.Output.FileHostOutputStore(store.Paths), hostRunner, HealthProbeFactory.Create(options, transport, setup.Topology), time)
            {
                Events = (IJobEventSink?)events ?? new NoEvents(),
                Observer = observer,
                Confirmation = options.Confirm ? new PromptHostConfirmation(prompt) : null,
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
                Environment = ArgumentEnvironment.Resolve(definition.Arguments, prompt, header, stderr),
            };

            await observer.JobStartingAsync(definition, setup, resume);
            log.JobStarting(definition, setup, header, resume);
            using var interrupt = new InterruptHandler(stderr);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, interrupt.Token);
            var outcome = await LiveView.JobView.RunAsync(
                stdout, observer, setup.Topology, request.Hosts, time, allowLive: LiveView.JobView.AllowsLive(options), view => new JobRunner(services with { Observer = log.Observe(view) }).RunAsync(request, linked.Token));
            log.JobEnded(outcome);
            await RunSummary.PrintAsync(stdout, store, outcome);
            return (int)outcome.ExitCode;
        }
        catch (Exception e) when (log.Failed(e))
        {
            throw;
        }
        finally
        {
            foreach (var cluster in acquired)
            {
                store.ReleaseClusterLock(cluster, definition.JobId);
            }
        }
    }

    private static string NewJobId(string? enforced)
    {
        if (enforced is null)
        {
            return Guid.NewGuid().ToString();
        }

        return Guid.TryParse(enforced, out var id) && id.ToString() == enforced
            ? enforced
            : throw new CstarException($"--enforced-job-id '{enforced}' is not a lower-case UUID.", "Give one like 0b5e4a52-8f2a-4c1e-9d0b-6f3c2e1a7b90.", ExitCode.Usage);
    }

    private sealed class NoEvents : IJobEventSink
    {
        public void Publish(JobEvent jobEvent)
        {
        }
    }
}
