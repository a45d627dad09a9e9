using Cstar.Cli.Jobs;
using Cstar.Cli.Verbs;
using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.Core.Ports;
using Cstar.JobStore.Output;
using Cstar.JobStore.Sqlite;
using Cstar.Transport.Detached;
using Cstar.Transport.Execution;
using Cstar.Transport.Local;

namespace Cstar.Cli.Composition;

/// <summary>
/// Assembles the engine of one run: the job store, the per-host output files, the host runner (remote over the job's
/// transport, or local for cstarpar), the ring health probe, the --confirm prompt.
/// </summary>
internal static class JobEngineFactory
{
    /// <summary>--reconnect-window's default: how long a host may stay out of contact while its command runs.</summary>
    public static readonly TimeSpan DefaultReconnectWindow = TimeSpan.FromMinutes(10);

    public static JobEngine Create(
        SqliteJobStore store, CommandTransportBase transport, JobDefinition definition, JobSetup setup, JobOptions options, IConsolePrompt prompt, TimeProvider time)
    {
        var local = new LocalTransport(TimeSpan.FromSeconds(2), time);
        var runOptions = new DetachedRunOptions { ReconnectWindow = DurationFlag.Parse(options.ReconnectWindow, "--reconnect-window") ?? DefaultReconnectWindow };
        var script = definition.Command.ScriptText ?? string.Empty;
        var hostRunner = definition.Runner == RunnerKind.Remote
            ? DetachedRunners.Remote(transport, script, time, runOptions)
            : DetachedRunners.Local(local, script, store.Paths.JobFolder(definition.JobId), time, runOptions, definition.HostVariables);
        var services = new JobRunnerServices(store, new FileHostOutputStore(store.Paths), hostRunner, HealthProbeFactory.Create(options, transport, setup.Topology), time)
        {
            Confirmation = options.Confirm ? new PromptHostConfirmation(prompt) : null,
            Load = HealthProbeFactory.CreateLoadProbe(options, transport, time),
            Controls = store,
            // The next hosts' SSH handshakes happen while the current ones run (one pooled connection per host for the job).
            Warmup = definition.Runner == RunnerKind.Remote ? transport as IConnectionWarmup : null,
        };
        return new JobEngine(new JobRunner(services), local);
    }
}
