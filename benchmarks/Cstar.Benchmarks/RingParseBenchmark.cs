using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Cstar.Core.Replication;
using Cstar.Ring.Describering;
using Cstar.Ring.Parsing;
using Cstar.Ring.Status;

namespace Cstar.Benchmarks;

/// <summary>
/// ring-parse: 1,000 nodes × 256 vnodes in 3 DCs, five keyspaces with NetworkTopologyStrategy RF 3 per DC.
/// Generates 'nodetool status' and 'nodetool describering' text (replicas: the next 3 distinct nodes
/// clockwise in each DC), parses it and builds the replica map. describering lines are fed to the
/// streaming <see cref="DescriberingReader"/> as they are generated (one keyspace of this ring is ~400 MB
/// of UTF-16 text); pass --materialize to build each keyspace's whole text as one string and use
/// DescriberingParser.Parse, as discovery does with a transport's output.
/// </summary>
internal sealed class RingParseBenchmark : IBenchmark
{
    private const int Nodes = 1000;
    private const int Vnodes = 256;
    private const int Keyspaces = 5;
    private const int ReplicasPerDc = 3;
    private static readonly string[] Dcs = ["dc1", "dc2", "dc3"];

    public string Name => "ring-parse";

    public string Description => "parse status + describering of 1,000 nodes x 256 vnodes, 3 DCs, 5 NTS RF3 keyspaces; build the replica map";

    public Task<int> RunAsync(string[] args)
    {
        var materialize = args.Contains("--materialize");
        var ring = SyntheticRing.Create(Nodes, Vnodes, Dcs, ReplicasPerDc, seed: 42);
        Console.WriteLine($"ring-parse: {Nodes} nodes x {Vnodes} vnodes = {ring.Tokens.Length:N0} ranges, {Dcs.Length} DCs, {Keyspaces} keyspaces NTS RF {ReplicasPerDc} per DC ({ring.Replicas.Length / ring.Tokens.Length} replicas per range), mode: {(materialize ? "whole string per keyspace" : "streaming lines")}");

        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var generateOnly = Stopwatch.StartNew();
        long chars = 0;
        for (var k = 0; k < Keyspaces; k++)
        {
            ring.WriteDescribering((line) => chars += line.Length + 1);
        }

        generateOnly.Stop();
        self.Refresh();
        var generateCpu = self.TotalProcessorTime - cpuBefore;
        Console.WriteLine($"  generating describering text alone: {generateOnly.Elapsed.TotalMilliseconds:N0} ms for {chars:N0} chars ({chars * 2 / 1024.0 / 1024:N0} MB as UTF-16)");
        GC.Collect();

        self.Refresh();
        cpuBefore = self.TotalProcessorTime;
        var total = Stopwatch.StartNew();
        var statusText = ring.StatusText();
        var status = StatusParser.Parse(statusText);
        var statusMs = total.Elapsed.TotalMilliseconds;
        var pool = new ParsePool();
        var keyspaces = ImmutableArray.CreateBuilder<KeyspaceReplicas>();
        for (var k = 0; k < Keyspaces; k++)
        {
            var name = "ks" + k.ToString(CultureInfo.InvariantCulture);
            DescriberingOutput output;
            if (materialize)
            {
                var text = new StringBuilder();
                ring.WriteDescribering(line => text.Append(line).Append('\n'));
                output = DescriberingParser.Parse(text.ToString(), pool, name);
            }
            else
            {
                var reader = new DescriberingReader(pool, name);
                ring.WriteDescribering(line => reader.AddLine(line));
                output = reader.Complete();
            }

            var definition = KeyspaceDefinition.NetworkTopology(name, Dcs.Select(dc => KeyValuePair.Create(dc, ReplicasPerDc)));
            keyspaces.Add(new KeyspaceReplicas(definition, output.Ranges));
        }

        var map = new ReplicaMap("bench", keyspaces.ToImmutable());
        total.Stop();
        self.Refresh();
        var totalCpu = self.TotalProcessorTime - cpuBefore;

        var ranges = map.Keyspaces.Sum(k => k.Ranges.Length);
        var endpoints = map.Keyspaces.SelectMany(k => k.Ranges).SelectMany(r => r.Endpoints).Distinct().Count();
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        var process = self;
        process.Refresh();
        Console.WriteLine($"  status: {status.Entries.Length} nodes parsed in {statusMs:N0} ms");
        Console.WriteLine($"  replica map: {map.Keyspaces.Length} keyspaces, {ranges:N0} ranges, {endpoints} distinct endpoints");
        Console.WriteLine($"  wall time (generate + parse + build): {total.Elapsed.TotalMilliseconds:N0} ms; minus generation alone: ~{total.Elapsed.TotalMilliseconds - generateOnly.Elapsed.TotalMilliseconds:N0} ms");
        Console.WriteLine($"  CPU time (all threads, incl. GC; tells more than wall time on a busy machine): generation alone {generateCpu.TotalMilliseconds:N0} ms, generate + parse + build {totalCpu.TotalMilliseconds:N0} ms, parse + build ~{(totalCpu - generateCpu).TotalMilliseconds:N0} ms");
        Console.WriteLine($"  GC: {GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2 collections, total pause {GC.GetTotalPauseDuration().TotalMilliseconds:N0} ms, allocated {GC.GetTotalAllocatedBytes() / 1024 / 1024:N0} MB");
        Console.WriteLine($"  memory: peak working set {process.PeakWorkingSet64 / 1024 / 1024:N0} MB, managed heap holding the map {managed / 1024 / 1024:N0} MB");
        Console.WriteLine($"  targets: <= 3000 ms and <= 500 MB -> {(total.Elapsed.TotalMilliseconds <= 3000 ? "time OK" : "time OVER")}, {(process.PeakWorkingSet64 <= 500L * 1024 * 1024 ? "memory OK" : "memory OVER")}");
        GC.KeepAlive(map);
        return Task.FromResult(0);
    }
}
