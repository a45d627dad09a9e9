using System.Collections.Immutable;
using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.Core.Ports;
using Cstar.Core.Scheduling;
using Cstar.JobStore;
using Cstar.JobStore.Output;
using Cstar.JobStore.Sqlite;
using Cstar.Ring.Discovery;
using Cstar.Ring.Health;
using Cstar.TestKit.Simulation;
using Cstar.Transport;
using Cstar.Transport.Cql;
using Cstar.Transport.Detached;
using Cstar.Transport.SshNet;

namespace Cstar.Integration.Tests.Engine;

/// <summary>
/// The engine wired the way the CLI will wire it — SSH.NET transport, ring discovery, SQLite store, file outputs,
/// detached host runner, nodetool health probe — against a loopback cluster.
/// </summary>
public sealed class EngineRig : IAsyncDisposable
{
    private EngineRig(EngineSettings settings, SshNetTransport transport, DiscoveryResult ring, SqliteJobStore store)
    {
        Settings = settings;
        Transport = transport;
        Ring = ring;
        Store = store;
        Paths = new JobStorePaths(settings.StoreRoot);
        Outputs = new FileHostOutputStore(Paths);
        HostRunner = DetachedRunners.Remote(transport, settings.Script, options: new DetachedRunOptions
        {
            ReconnectWindow = TimeSpan.FromSeconds(settings.ReconnectWindowSeconds),
            PollInterval = TimeSpan.FromMilliseconds(100),
        });
        var cluster = ring.Clusters[0];
        var cql = new CqlReadinessProbe(TimeSpan.FromSeconds(2));
        Probe = new NodetoolRingHealthProbe(
            transport, new RingHealthProbeOptions(), cluster.Topology.Name, [.. cluster.Topology.Nodes.Select(n => n.Address)],
            async (host, ct) =>
            {
                var r = await cql.ProbeAsync(host, CqlReadinessProbe.DefaultPort, ct);
                return new CqlCheck(r.Ready, r.Detail);
            });
    }

    public EngineSettings Settings { get; }

    public SshNetTransport Transport { get; }

    public DiscoveryResult Ring { get; }

    public SqliteJobStore Store { get; }

    public JobStorePaths Paths { get; }

    public FileHostOutputStore Outputs { get; }

    public DetachedHostRunner HostRunner { get; }

    public NodetoolRingHealthProbe Probe { get; }

    public IReadOnlyList<string> Addresses => [.. Ring.Topology.AllNodes.Select(n => n.Address)];

    public static EngineSettings SettingsFor(LoopbackCluster cluster, string storeRoot, string script) => new()
    {
        SshConfigPath = cluster.SshConfigPath,
        KnownHostsPath = cluster.KnownHostsPath,
        IdentityFile = cluster.IdentityFile,
        Seed = cluster.Addresses[0],
        StoreRoot = storeRoot,
        Script = script,
    };

    public static async Task<EngineRig> CreateAsync(EngineSettings settings, CancellationToken cancellationToken = default)
    {
        var transport = new SshNetTransport(new SshOptions
        {
            SshConfigFile = settings.SshConfigPath,
            KnownHostsFile = settings.KnownHostsPath,
            IdentityFile = settings.IdentityFile,
            Username = "root",
            ConnectTimeout = TimeSpan.FromSeconds(3),
            AliveTimeout = TimeSpan.FromSeconds(settings.AliveTimeoutSeconds),
        });
        var ring = await new RingDiscovery(transport).DiscoverAsync(new DiscoveryOptions([settings.Seed]), cancellationToken);
        return new EngineRig(settings, transport, ring, SqliteJobStore.Open(JobStoreOptions.At(settings.StoreRoot)));
    }

    /// <summary>The engine on this rig; <paramref name="subscriber"/> (if any) gets the run's events.</summary>
    public RigRunner Runner(IJobEventSubscriber? subscriber = null) =>
        new(new JobRunner(new JobRunnerServices(Store, Outputs, HostRunner, Probe, TimeProvider.System)), subscriber is null ? [] : [subscriber]);

    public sealed record RigRunner(JobRunner Runner, IReadOnlyList<IJobEventSubscriber> Subscribers)
    {
        public Task<JobOutcome> RunAsync(JobRunRequest request, CancellationToken cancellationToken) => Runner.RunAsync(request, Subscribers, cancellationToken);
    }

    public JobRunRequest Request(bool resume = false, IReadOnlyList<string>? hosts = null)
    {
        var policy = new SchedulingPolicy
        {
            Strategy = Enum.Parse<SchedulingStrategy>(Settings.Strategy, ignoreCase: true),
            KeepConsistency = Settings.Strategy is "topology",
            DcParallel = !Settings.Strategy.Equals("one", StringComparison.OrdinalIgnoreCase),
            MaxConcurrency = Settings.MaxConcurrency,
        };
        var targets = hosts ?? Addresses;
        return new JobRunRequest
        {
            Definition = new JobDefinition(
                Settings.JobId, "test", new CommandSource(Settings.Script, null, "sha"), [], "{}", HostSelection.FromSeeds(Settings.Seed),
                null, [Ring.Clusters[0].Topology.Name], DateTimeOffset.UtcNow, RunnerKind.Remote),
            Hosts = targets,
            Context = SchedulingContext.Create(Ring.Topology, [.. Ring.Clusters.Select(c => c.Replicas)], policy),
            Resume = resume,
            HostTimeout = Settings.HostTimeoutSeconds is { } t ? TimeSpan.FromSeconds(t) : null,
            WaitTimeout = TimeSpan.FromSeconds(Settings.WaitTimeoutSeconds),
            GateMaxDelay = TimeSpan.FromSeconds(1),
            CommandRebootsHost = Settings.RebootsHost,
        };
    }

    public string OutOf(string host) => File.Exists(Paths.OutputFile(Settings.JobId, host, OutputChannel.Out))
        ? File.ReadAllText(Paths.OutputFile(Settings.JobId, host, OutputChannel.Out))
        : string.Empty;

    public ImmutableArray<HostRunState> Hosts => Store.LoadJob(Settings.JobId).Hosts;

    public async ValueTask DisposeAsync()
    {
        Store.Dispose();
        await Transport.DisposeAsync();
    }
}
