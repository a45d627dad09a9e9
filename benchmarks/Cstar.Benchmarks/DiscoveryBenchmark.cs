using System.Diagnostics;
using System.Globalization;
using Cstar.Benchmarks.Discovery;
using Cstar.Ring.Discovery;

namespace Cstar.Benchmarks;

/// <summary>
/// discovery: the real discovery path (<see cref="RingDiscovery"/>: describecluster, status, describering of every
/// keyspace, parsing and cross-checks) against a transport generating nodetool output for 1,000 nodes x 256 vnodes in
/// 2 DCs, 5 keyspaces NTS RF 3 per DC (~140 MB of describering per keyspace). Prints wall time, CPU, peak managed heap
/// and peak working set against issue 17's 3 s / 500 MB. --latency S delays every nodetool call by S seconds (a JVM's start).
/// </summary>
internal sealed class DiscoveryBenchmark : IBenchmark
{
    private const int Nodes = 1000;
    private const int Vnodes = 256;
    private const int ReplicasPerDc = 3;
    private static readonly string[] Dcs = ["dc1", "dc2"];
    private static readonly string[] Keyspaces = ["ks0", "ks1", "ks2", "ks3", "ks4"];

    public string Name => "discovery";

    public string Description => "RingDiscovery on generated nodetool output: 1,000 nodes x 256 vnodes, 2 DCs, 5 keyspaces (--latency S per call)";

    public async Task<int> RunAsync(string[] args)
    {
        var at = Array.IndexOf(args, "--latency");
        var latency = TimeSpan.FromSeconds(at >= 0 && at + 1 < args.Length ? double.Parse(args[at + 1], CultureInfo.InvariantCulture) : 0);
        var ring = SyntheticRing.Create(Nodes, Vnodes, Dcs, ReplicasPerDc, seed: 42);
        var transport = new GeneratedNodetoolTransport(ring, ring.DescribeclusterText(Keyspaces, ReplicasPerDc), latency);
        Console.WriteLine($"discovery: {Nodes} nodes x {Vnodes} vnodes = {ring.Tokens.Length:N0} ranges, {Dcs.Length} DCs, {Keyspaces.Length} keyspaces NTS RF {ReplicasPerDc} per DC, nodetool latency {latency.TotalSeconds:0.###} s");
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var generation = Stopwatch.StartNew();
        foreach (var _ in Keyspaces)
        {
            await transport.WriteDescriberingAsync(Stream.Null, CancellationToken.None);
        }

        generation.Stop();
        self.Refresh();
        var generationCpu = self.TotalProcessorTime - cpuBefore;
        Console.WriteLine($"  generating the {Keyspaces.Length} describering outputs alone (part of the figures below): {generation.Elapsed.TotalMilliseconds:N0} ms, CPU {generationCpu.TotalMilliseconds:N0} ms");
        GC.Collect();
        var baseline = PeakMemorySampler.PeakWorkingSetBytes();

        self.Refresh();
        cpuBefore = self.TotalProcessorTime;
        var pauseBefore = GC.GetTotalPauseDuration();
        var wall = Stopwatch.StartNew();
        transport.RestartClock();
        DiscoveryResult result;
        long peakManaged;
        using (var sampler = new PeakMemorySampler())
        {
            result = await new RingDiscovery(transport).DiscoverAsync(new DiscoveryOptions(["10.1.0.1"]), CancellationToken.None);
            wall.Stop();
            peakManaged = sampler.PeakManagedBytes;
        }

        self.Refresh();
        var cpu = self.TotalProcessorTime - cpuBefore;
        var cluster = result.Clusters.Single();
        var ranges = cluster.Replicas.Keyspaces.Sum(k => k.Ranges.Length);
        var held = GC.GetTotalMemory(forceFullCollection: true);
        var peakWorkingSet = PeakMemorySampler.PeakWorkingSetBytes();
        Console.WriteLine($"  found: {cluster.Topology.Nodes.Length} nodes, {cluster.Replicas.Keyspaces.Length} keyspaces, {ranges:N0} ranges ({transport.DescriberingCalls} describering calls)");
        Console.WriteLine($"  wall time: {wall.Elapsed.TotalMilliseconds:N0} ms (of which {latency.TotalSeconds * 3:0.#} s is latency on the critical path: describecluster, describering x2 rounds)");
        Console.WriteLine($"  describering calls (s from the start, called -> output ended): {string.Join(", ", transport.Describerings.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.StartedAt:0.0}->{d.EndedAt:0.0}")))}");
        Console.WriteLine($"  CPU time (all threads, incl. generating the output and GC): {cpu.TotalMilliseconds:N0} ms, ~{(cpu - generationCpu).TotalMilliseconds:N0} ms without the generation; GC pause {(GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds:N0} ms");
        Console.WriteLine($"  memory: peak managed heap {peakManaged / 1024 / 1024:N0} MB (sampled), held after (the replica map) {held / 1024 / 1024:N0} MB, peak working set {peakWorkingSet / 1024 / 1024:N0} MB (before discovery {baseline / 1024 / 1024:N0} MB)");
        Console.WriteLine($"  targets (issue 17 item 5): <= 3000 ms and <= 500 MB -> {(wall.Elapsed.TotalMilliseconds - (latency.TotalSeconds * 3 * 1000) <= 3000 ? "time OK" : "time OVER")} (latency excluded), {(peakWorkingSet <= 500L * 1024 * 1024 ? "memory OK" : "memory OVER")}");
        GC.KeepAlive(result);
        return 0;
    }
}
