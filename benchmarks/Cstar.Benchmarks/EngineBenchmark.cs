using System.Collections.Concurrent;
using System.Diagnostics;
using Cstar.Benchmarks.Engine;
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
/// The engine end to end on the loopback cluster (2 DCs x 3 racks, 256 vnodes, Cassandra 3.11 formats, stock system
/// keyspaces, cstar's keyspace view: the three system keyspaces ignored), `sleep 1; hostname` under strategy one,
/// topology and all, every nodetool call answered after --latency seconds. Per cluster size: discovery alone (wall
/// time, nodetool calls); per strategy, from a cold transport as the CLI starts: discovery + job wall time,
/// orchestration overhead per host, nodetool calls per host, start spread. Then --big hosts under all with
/// max-concurrency = hosts: the spread of start times.
/// Args: [--hosts 30[,12,...]] [--latency 0] [--strategies one,topology,all] [--big 100|0] [--version 3.11]
/// [--kex curve25519-sha256] (an ssh_config KexAlgorithms line for every host; default: cstar's offer, ML-KEM then curve25519 then sntrup761).
/// </summary>
internal sealed class EngineBenchmark : IBenchmark
{
    // The first line is the remote start time (every loopback host shares this machine's clock), for the true start spread.
    private const string Command = "date +%s.%N; sleep 1; hostname";
    private static readonly string[] IgnoredKeyspaces = ["system_auth", "system_distributed", "system_traces"];

    public string Name => "engine";

    public string Description => "job engine on loopback sshd hosts (--hosts 30 --latency 0 --big 100): discovery, one|topology|all wall time, nodetool calls, start spread";

    public async Task<int> RunAsync(string[] args)
    {
        var hostCounts = Arg(args, "--hosts", "30").Split(',').Select(Int).ToList();
        var bigHosts = Int(Arg(args, "--big", "100"));
        var latency = TimeSpan.FromSeconds(double.Parse(Arg(args, "--latency", "0"), System.Globalization.CultureInfo.InvariantCulture));
        var version = Arg(args, "--version", "3.11");
        _kex = args.Contains("--kex") ? Arg(args, "--kex", string.Empty) : null;
        var strategies = Arg(args, "--strategies", "one,topology,all").Split(',').Select(s => Enum.Parse<SchedulingStrategy>(s, ignoreCase: true)).ToList();
        var failures = 0;
        Console.WriteLine($"engine: nodetool latency {latency.TotalSeconds:0.###} s, Cassandra {version}, command '{Command}', key exchange {_kex ?? "cstar's default offer"}, load {Load()}");

        // SSH.NET does blocking work per connection on pool threads: with 100 hosts connecting at once the pool's
        // slow thread injection (not the engine) dominated the start spread. The CLI sets the same floor.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, (2 * Math.Max(hostCounts.Max(), bigHosts)) + 16), Math.Max(io, 32));
        foreach (var hosts in hostCounts)
        {
            await using var cluster = await StartAsync(hosts, latency, version);
            await MeasureDiscoveryAsync(cluster, hosts);
            foreach (var strategy in strategies)
            {
                failures += await MeasureAsync(cluster, strategy, null, $"{hosts} hosts, {strategy}");
            }
        }

        if (bigHosts > 0)
        {
            await using var big = await StartAsync(bigHosts, latency, version);
            failures += await MeasureAsync(big, SchedulingStrategy.All, bigHosts, $"{bigHosts} hosts, All, max-concurrency {bigHosts}");
        }

        Console.WriteLine($"load after: {Load()}");
        return failures == 0 ? 0 : 1;
    }

    private static string Arg(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    private static int Int(string text) => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static string Load()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static async Task<LoopbackCluster> StartAsync(int hosts, TimeSpan latency, string version)
    {
        var watch = Stopwatch.StartNew();
        var cluster = await LoopbackCluster.StartAsync(new LoopbackClusterOptions
        {
            Hosts = hosts,
            Datacenters = 2,
            Racks = 3,
            CassandraVersion = version,
            NodetoolLatency = latency,
            RingFactory = StandardRingFactory.Create(TimeProvider.System, vnodes: 256, minGossipDelay: TimeSpan.FromMilliseconds(50), maxGossipDelay: TimeSpan.FromMilliseconds(300)),
        });
        Console.WriteLine($"loopback cluster of {hosts} hosts up in {watch.Elapsed.TotalSeconds:F1} s");
        return cluster;
    }

    /// <summary>--kex NAMES: an ssh_config KexAlgorithms line for every host, as an operator would write it (default: cstar's offer, see KexPreference).</summary>
    private static string? _kex;

    private static SshNetTransport Transport(LoopbackCluster cluster) => new(new SshOptions
    {
        SshConfigFile = _kex is null ? cluster.SshConfigPath : KexConfig(cluster, _kex),
        KnownHostsFile = cluster.KnownHostsPath,
        IdentityFile = cluster.IdentityFile,
        Username = "root",
    });

    private static string KexConfig(LoopbackCluster cluster, string kex)
    {
        var path = cluster.SshConfigPath + ".kex";
        File.WriteAllText(path, $"Host *\n  KexAlgorithms {kex}\n\n" + File.ReadAllText(cluster.SshConfigPath));
        return path;
    }

    private static SchedulingPolicy PolicyFor(SchedulingStrategy strategy, int? maxConcurrency) => new()
    {
        Strategy = strategy,
        // As the CLI resolves --strategy: all runs every DC at once, one and topology one DC after the other.
        DcParallel = strategy == SchedulingStrategy.All,
        KeepConsistency = strategy != SchedulingStrategy.All,
        MaxConcurrency = maxConcurrency,
        IgnoreKeyspaces = [.. IgnoredKeyspaces],
    };

    /// <summary>As the CLI discovers for a job: describering only for the keyspaces the policy covers, connections of the first targets opened meanwhile.</summary>
    private static DiscoveryOptions DiscoveryFor(LoopbackCluster cluster, ICommandTransport transport, SchedulingPolicy policy) => new([cluster.Addresses[0]])
    {
        ReadsKeyspace = name => KeyspacePolicy.LeftOutReason(name, policy) is null,
        OnNodesKnown = nodes => ConnectionWarmup.Start(transport, WarmTargets.Choose(nodes, [], null, null, policy), CancellationToken.None),
    };

    /// <summary>Discovery alone from a cold transport, then again on warm connections: wall time and nodetool calls.</summary>
    private static async Task MeasureDiscoveryAsync(LoopbackCluster cluster, int hosts)
    {
        await using var ssh = Transport(cluster);
        var transport = new CountingTransport(ssh);
        for (var round = 0; round < 2; round++)
        {
            transport.Reset();
            var watch = Stopwatch.StartNew();
            var ring = await new RingDiscovery(transport).DiscoverAsync(DiscoveryFor(cluster, transport, PolicyFor(SchedulingStrategy.Topology, null)), CancellationToken.None);
            Console.WriteLine($"discovery of {hosts} nodes ({(round == 0 ? "cold connection" : "warm connection")}): {watch.Elapsed.TotalSeconds,6:F2} s, {transport.NodetoolCalls} nodetool calls, {ring.Clusters[0].Replicas.Keyspaces.Count(k => k.Ranges.Length > 0)} keyspace(s) read");
        }
    }

    private static async Task<int> MeasureAsync(LoopbackCluster cluster, SchedulingStrategy strategy, int? maxConcurrency, string label)
    {
        var root = Path.Combine(Path.GetTempPath(), "cstar-bench-engine-" + Guid.NewGuid().ToString("N")[..8]);
        await using var ssh = Transport(cluster);
        var transport = new CountingTransport(ssh);
        var policy = PolicyFor(strategy, maxConcurrency);
        var total = Stopwatch.StartNew();
        var ring = await new RingDiscovery(transport).DiscoverAsync(DiscoveryFor(cluster, transport, policy), CancellationToken.None);
        var discovery = total.Elapsed;
        var discoveryCalls = transport.NodetoolCalls;
        var topology = ring.Clusters[0].Topology;
        using var store = SqliteJobStore.Open(JobStoreOptions.At(root));
        var runner = DetachedRunners.Remote(transport, Command);
        var probe = new NodetoolRingHealthProbe(transport, new RingHealthProbeOptions(), topology.Name, [.. topology.Nodes.Select(n => n.Address)]);
        var observer = new StartTimes();
        var services = new JobRunnerServices(store, new FileHostOutputStore(new JobStorePaths(root)), runner, probe, TimeProvider.System) { Warmup = transport };
        var addresses = topology.Nodes.Select(n => n.Address).ToList();
        var request = new JobRunRequest
        {
            Definition = new JobDefinition("bench", "bench", new CommandSource(Command, null, "sha"), [], "{}", HostSelection.FromSeeds(cluster.Addresses[0]), null, [topology.Name], DateTimeOffset.UtcNow, RunnerKind.Remote),
            Hosts = addresses,
            Context = SchedulingContext.Create(ring.Topology, [.. ring.Clusters.Select(c => c.Replicas)], policy),
            // As the CLI: the first ring check relies on discovery's status read while fresh.
            RingReading = DiscoveryReading.Of(ring),
        };

        var watch = Stopwatch.StartNew();
        var cpuBefore = (Own: Process.GetCurrentProcess().TotalProcessorTime, Machine: MachineBusy());
        var outcome = await new JobRunner(services).RunAsync(request, [observer], CancellationToken.None);
        var job = watch.Elapsed;
        var cpu = (Own: Process.GetCurrentProcess().TotalProcessorTime - cpuBefore.Own, Machine: MachineBusy() - cpuBefore.Machine);
        var wall = total.Elapsed;
        var waves = observer.Waves();
        var overhead = (wall.TotalSeconds - waves) / addresses.Count;
        var starts = observer.Running.Values.Order().ToList();
        var spread = starts.Count > 1 ? starts[^1] - starts[0] : TimeSpan.Zero;
        var startSpread = observer.Starting.IsEmpty ? TimeSpan.Zero : observer.Starting.Values.Max() - observer.Starting.Values.Min();
        var gateCalls = transport.NodetoolCalls - discoveryCalls;
        Console.WriteLine($"{label,-40} {outcome.State} (exit {(int)outcome.ExitCode}): {outcome.Reason}   [load {Load()}]");
        Console.WriteLine($"    wall time (discovery + job) {wall.TotalSeconds,8:F2} s   (discovery {discovery.TotalSeconds:F2} s with {discoveryCalls} nodetool calls, job {job.TotalSeconds:F2} s, {waves} wave(s) of the 1 s command)");
        Console.WriteLine($"    orchestration overhead/host {overhead * 1000,8:F0} ms  ((wall - waves x 1 s) / hosts)");
        Console.WriteLine($"    nodetool calls per host     {gateCalls / (double)addresses.Count,8:F2}     ({gateCalls} by the gates; remote commands per host {runner.CommandsSent / (double)addresses.Count:F2})");
        Console.WriteLine($"    start spread                {startSpread.TotalMilliseconds,8:F0} ms  recorded Starting, first to last");
        Console.WriteLine($"    running spread              {spread.TotalMilliseconds,8:F0} ms  remote pid seen, first to last");
        Console.WriteLine($"    remote start spread         {RemoteStartSpread(new JobStorePaths(root), addresses)}");
        Console.WriteLine($"    per host, median (max) ms   {observer.Phases()}");
        Console.WriteLine($"    CPU during the job          {cpu.Own.TotalSeconds,8:F2} s cstar (client), {cpu.Machine.TotalSeconds:F2} s the whole machine (the simulated hosts share its {Environment.ProcessorCount} cores)");
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }

        return outcome.ExitCode == Core.Errors.ExitCode.Success ? 0 : 1;
    }

    /// <summary>
    /// First to last start of the remote command itself, from the time each one printed first (the clock is this
    /// machine's for every loopback host): what the operator's "all at once" means, free of when cstar saw the pid.
    /// </summary>
    private static string RemoteStartSpread(JobStorePaths paths, List<string> hosts)
    {
        var starts = new List<double>();
        foreach (var host in hosts)
        {
            var file = paths.OutputFile("bench", host, OutputChannel.Out);
            var first = File.Exists(file) ? File.ReadLines(file).FirstOrDefault() : null;
            if (double.TryParse(first, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
            {
                starts.Add(seconds);
            }
        }

        return starts.Count < 2
            ? $"- ({starts.Count} of {hosts.Count} host outputs had a start time)"
            : $"{(starts.Max() - starts.Min()) * 1000,8:F0} ms  remote command's own start time, first to last ({starts.Count} hosts; after the first: median {Quantile(starts, 0.5):F0}, p90 {Quantile(starts, 0.9):F0} ms)";
    }

    /// <summary>CPU time every core of this machine spent busy (user, nice, system, irq, softirq, steal), from /proc/stat.</summary>
    private static TimeSpan MachineBusy()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long Ticks(int i) => long.Parse(fields[i], System.Globalization.CultureInfo.InvariantCulture);
        var busy = Ticks(1) + Ticks(2) + Ticks(3) + Ticks(6) + Ticks(7) + Ticks(8);
        return TimeSpan.FromSeconds(busy / 100.0); // USER_HZ is 100 on Linux
    }

    private static double Quantile(List<double> starts, double q)
    {
        var sorted = starts.Order().ToList();
        return (sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(q * sorted.Count))] - sorted[0]) * 1000;
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

        /// <summary>Command ended (awaiting return), then seen back (Succeeded).</summary>
        public ConcurrentDictionary<string, TimeSpan> Ended { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, TimeSpan> Back { get; } = new(StringComparer.Ordinal);

        public string Name => "the start-time recorder";

        /// <summary>
        /// Where a host's time goes: Starting to remote pid seen, pid to command end (the 1 s command and its end
        /// detection), end to back (the gate), and back to the next host's Starting (the loop's pause between hosts).
        /// </summary>
        public string Phases()
        {
            var starts = Starting.Values.Order().ToList();
            var pauses = Back.Values.Select(b => starts.FirstOrDefault(s => s >= b, TimeSpan.MaxValue) - b).Where(p => p < TimeSpan.FromHours(1)).ToList();
            return string.Join(
                "   ",
                Phase("start→pid", Starting, Running),
                Phase("pid→end", Running, Ended),
                Phase("end→back", Ended, Back),
                Stat("back→next start", pauses),
                LastBack());
        }

        /// <summary>The last command's end to the last host seen back: what the gate adds to the job's end (early hosts' reads may wait, this one must not).</summary>
        private string LastBack() =>
            Ended.IsEmpty || Back.IsEmpty ? "last end→all back -" : $"last end→all back {(Back.Values.Max() - Ended.Values.Max()).TotalMilliseconds:F0}";

        private static string Phase(string name, ConcurrentDictionary<string, TimeSpan> from, ConcurrentDictionary<string, TimeSpan> to) =>
            Stat(name, from.Where(f => to.ContainsKey(f.Key)).Select(f => to[f.Key] - f.Value));

        private static string Stat(string name, IEnumerable<TimeSpan> spans)
        {
            var ms = spans.Select(s => s.TotalMilliseconds).Order().ToList();
            return ms.Count == 0 ? $"{name} -" : $"{name} {ms[ms.Count / 2]:F0} ({ms[^1]:F0})";
        }

        public void Handle(JobEvent jobEvent)
        {
            if (jobEvent is not HostChangedEvent args)
            {
                return;
            }

            if (args.AwaitingReturn)
            {
                Ended[args.Host] = _clock.Elapsed;
            }
            else if (args.State == HostRunStateKind.Starting)
            {
                Starting[args.Host] = _clock.Elapsed;
            }
            else if (args.State == HostRunStateKind.Running)
            {
                Running[args.Host] = _clock.Elapsed;
            }
            else if (args.State == HostRunStateKind.Succeeded)
            {
                Back[args.Host] = _clock.Elapsed;
            }
        }
    }
}
