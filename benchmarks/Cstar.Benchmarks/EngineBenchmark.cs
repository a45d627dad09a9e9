using System.Collections.Concurrent;
using System.Diagnostics;
using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.Core.Jobs.Events;
using Cstar.Core.Ports;
using Cstar.Core.Scheduling;
using Cstar.JobStore;
using Cstar.JobStore.Output;
using Cstar.JobStore.Sqlite;
using Cstar.Ring.Discovery;
using Cstar.Ring.Health;
using Cstar.Simulator.Host.Ring;
using Cstar.TestKit.Simulation;
using Cstar.Transport;
using Cstar.Transport.Detached;
using Cstar.Transport.SshNet;

namespace Cstar.Benchmarks;

/// <summary>
/// The engine end to end on the loopback cluster: 30 hosts (2 DCs × 3 racks, 256 vnodes, RF 3), `sleep 1; hostname`
/// under strategy one, topology and all — wall time, orchestration overhead per host, remote commands per host —
/// then 100 hosts under all with max-concurrency 100: the spread of start times. Args: [hosts] [big-hosts].
/// </summary>
internal sealed class EngineBenchmark : IBenchmark
{
    private const string Command = "sleep 1; hostname";

    public string Name => "engine";

    public string Description => "job engine on loopback sshd hosts: 30 hosts one|topology|all, 100 hosts all: wall time, overhead, commands, start spread";

    public async Task<int> RunAsync(string[] args)
    {
        var hosts = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 30;
        var bigHosts = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100;
        var failures = 0;

        // SSH.NET does blocking work per connection on pool threads: with 100 hosts connecting at once the pool's
        // slow thread injection (not the engine) dominated the start spread. The CLI sets the same floor.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, (2 * Math.Max(hosts, bigHosts)) + 16), Math.Max(io, 32));
        await using (var cluster = await StartAsync(hosts))
        {
            var strategies = args.Length > 2 ? args[2].Split(',').Select(s => Enum.Parse<SchedulingStrategy>(s, ignoreCase: true)) : [SchedulingStrategy.One, SchedulingStrategy.Topology, SchedulingStrategy.All];
            foreach (var strategy in strategies)
            {
                failures += await MeasureAsync(cluster, strategy, null, $"{hosts} hosts, {strategy}");
            }
        }

        if (bigHosts == 0)
        {
            return failures == 0 ? 0 : 1;
        }

        await using (var big = await StartAsync(bigHosts))
        {
            failures += await MeasureAsync(big, SchedulingStrategy.All, bigHosts, $"{bigHosts} hosts, All, max-concurrency {bigHosts}");
        }

        return failures == 0 ? 0 : 1;
    }

    private static async Task<LoopbackCluster> StartAsync(int hosts)
    {
        var watch = Stopwatch.StartNew();
        var cluster = await LoopbackCluster.StartAsync(new LoopbackClusterOptions
        {
            Hosts = hosts,
            Datacenters = 2,
            Racks = 3,
            RingFactory = StandardRingFactory.Create(TimeProvider.System, vnodes: 256, minGossipDelay: TimeSpan.FromMilliseconds(50), maxGossipDelay: TimeSpan.FromMilliseconds(300)),
        });
        Console.WriteLine($"loopback cluster of {hosts} hosts up in {watch.Elapsed.TotalSeconds:F1} s");
        return cluster;
    }

    private static async Task<int> MeasureAsync(LoopbackCluster cluster, SchedulingStrategy strategy, int? maxConcurrency, string label)
    {
        var root = Path.Combine(Path.GetTempPath(), "cstar-bench-engine-" + Guid.NewGuid().ToString("N")[..8]);
        await using var transport = new SshNetTransport(new SshOptions
        {
            SshConfigFile = cluster.SshConfigPath,
            KnownHostsFile = cluster.KnownHostsPath,
            IdentityFile = cluster.IdentityFile,
            Username = "root",
        });
        var ring = await new RingDiscovery(transport).DiscoverAsync(new DiscoveryOptions([cluster.Addresses[0]]), CancellationToken.None);
        var topology = ring.Clusters[0].Topology;
        using var store = SqliteJobStore.Open(JobStoreOptions.At(root));
        var runner = DetachedRunners.Remote(transport, Command);
        var probe = new NodetoolRingHealthProbe(transport, new RingHealthProbeOptions(), topology.Name, [.. topology.Nodes.Select(n => n.Address)]);
        var observer = new StartTimes();
        var services = new JobRunnerServices(store, new FileHostOutputStore(new JobStorePaths(root)), runner, probe, TimeProvider.System);
        var policy = new SchedulingPolicy { Strategy = strategy, DcParallel = true, KeepConsistency = strategy == SchedulingStrategy.Topology, MaxConcurrency = maxConcurrency };
        if (strategy == SchedulingStrategy.Topology)
        {
            // The simulated system keyspaces include RF 1 ones (system_auth) that would block every host; the RF 3 "app" keyspace is what counts here.
            policy = policy with { KeyspaceFilter = [StandardRingFactory.ApplicationKeyspace] };
        }

        var addresses = topology.Nodes.Select(n => n.Address).ToList();
        var request = new JobRunRequest
        {
            Definition = new JobDefinition("bench", "bench", new CommandSource(Command, null, "sha"), [], "{}", HostSelection.FromSeeds(cluster.Addresses[0]), null, [topology.Name], DateTimeOffset.UtcNow, RunnerKind.Remote),
            Hosts = addresses,
            Context = SchedulingContext.Create(ring.Topology, [.. ring.Clusters.Select(c => c.Replicas)], policy),
        };

        var watch = Stopwatch.StartNew();
        var outcome = await new JobRunner(services).RunAsync(request, [observer], CancellationToken.None);
        var wall = watch.Elapsed;
        var waves = observer.Waves();
        var overhead = (wall.TotalSeconds - waves) / addresses.Count;
        var starts = observer.Running.Values.Order().ToList();
        var spread = starts.Count > 1 ? starts[^1] - starts[0] : TimeSpan.Zero;
        var startSpread = observer.Starting.IsEmpty ? TimeSpan.Zero : observer.Starting.Values.Max() - observer.Starting.Values.Min();
        Console.WriteLine($"{label,-40} {outcome.State} (exit {(int)outcome.ExitCode}): {outcome.Reason}");
        Console.WriteLine($"    wall time                   {wall.TotalSeconds,8:F2} s   ({waves} wave(s) of the 1 s command)");
        Console.WriteLine($"    orchestration overhead/host {overhead * 1000,8:F0} ms  ((wall - waves x 1 s) / hosts)");
        Console.WriteLine($"    remote commands per host    {runner.CommandsSent / (double)addresses.Count,8:F2}     (+ {probe.CommandsSent} nodetool status reads by the gate)");
        Console.WriteLine($"    start spread                {startSpread.TotalMilliseconds,8:F0} ms  recorded Starting, first to last");
        Console.WriteLine($"    running spread              {spread.TotalMilliseconds,8:F0} ms  remote pid seen, first to last");
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }

        return outcome.ExitCode == Core.Errors.ExitCode.Success ? 0 : 1;
    }

    /// <summary>When each host was recorded Starting and Running (wall clock), from the observer.</summary>
    private sealed class StartTimes : IJobEventSubscriber
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public ConcurrentDictionary<string, TimeSpan> Starting { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, TimeSpan> Running { get; } = new(StringComparer.Ordinal);

        /// <summary>Start batches: Starting records more than 200 ms apart begin a new wave.</summary>
        public int Waves()
        {
            var times = Starting.Values.Order().ToList();
            return times.Count == 0 ? 0 : 1 + times.Zip(times.Skip(1)).Count(p => (p.Second - p.First).TotalMilliseconds > 200);
        }

        public string Name => "the start-time recorder";

        public void Handle(JobEvent jobEvent)
        {
            if (jobEvent is not HostChangedEvent args)
            {
                return;
            }

            if (args.State == HostRunStateKind.Starting)
            {
                Starting[args.Host] = _clock.Elapsed;
            }
            else if (args.State == HostRunStateKind.Running)
            {
                Running[args.Host] = _clock.Elapsed;
            }
        }
    }
}
