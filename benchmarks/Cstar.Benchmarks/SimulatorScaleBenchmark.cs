using System.Diagnostics;
using System.Globalization;
using Cstar.Core.Replication;
using Cstar.Simulator;
using Cstar.Simulator.Spec;

namespace Cstar.Benchmarks;

/// <summary>
/// The in-process ring at scale: builds 1,000 nodes × 256 vnodes (override: [nodes] [vnodes]), computes
/// the replicas of 5 keyspaces, renders `status` and `describering`, and prints time and memory per step.
/// </summary>
internal sealed class SimulatorScaleBenchmark : IBenchmark
{
    public string Name => "simulator-scale";

    public string Description => "simulated ring: 1,000 nodes x 256 vnodes, 5 keyspaces, status + describering";

    public Task<int> RunAsync(string[] args)
    {
        var nodes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var vnodes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 256;
        var total = Stopwatch.StartNew();
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var step = Stopwatch.StartNew();
        var spec = RingBuilder.Create("scale").WithGeneratedNodes(nodes, datacenters: 3, racksPerDatacenter: 3, vnodes, seed: 1)
            .WithKeyspace(KeyspaceDefinition.NetworkTopology("ks_nts", [new("dc1", 3), new("dc2", 3), new("dc3", 3)]))
            .Build();
        var ring = new SimulatedRing(spec, TimeProvider.System);
        Report("build ring", step, $"{nodes} nodes, {nodes * vnodes} tokens");

        step.Restart();
        var map = ring.ReplicaMap();
        Report("replicas of 5 keyspaces", step, $"{map.Keyspaces.Sum(k => k.Ranges.Length)} ranges");

        step.Restart();
        var status = ring.RunNodetool("127.0.0.1", ["status", "ks_nts"]);
        Report("status ks_nts (4.0 layout)", step, $"{status.StandardOutput.Length} chars, exit {status.ExitCode}");

        step.Restart();
        var describering = ring.RunNodetool("127.0.0.1", ["describering", "ks_nts"]);
        Report("describering ks_nts", step, $"{describering.StandardOutput.Length} chars, exit {describering.ExitCode}");

        var after = GC.GetTotalMemory(forceFullCollection: false);
        GC.KeepAlive(ring);
        Console.WriteLine($"total                         {total.Elapsed.TotalSeconds,8:F2} s");
        Console.WriteLine($"managed heap growth           {(after - before) / 1048576.0,8:F1} MiB (GC.GetTotalMemory)");
        Console.WriteLine($"peak working set              {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0,8:F1} MiB");
        return Task.FromResult(status.ExitCode == 0 && describering.ExitCode == 0 ? 0 : 1);
    }

    private static void Report(string what, Stopwatch step, string detail) =>
        Console.WriteLine($"{what,-30}{step.Elapsed.TotalSeconds,8:F2} s   {detail}   (heap {GC.GetTotalMemory(false) / 1048576.0:F0} MiB)");
}
