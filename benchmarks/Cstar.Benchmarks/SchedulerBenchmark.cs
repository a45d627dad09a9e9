using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Cstar.Core.Planning;
using Cstar.Core.Replication;
using Cstar.Core.Scheduling;
using Cstar.Core.Topology;

namespace Cstar.Benchmarks;

/// <summary>
/// Scheduler on a large ring: 1,000 nodes (2 DCs × 3 racks) × 256 vnodes × 5 keyspaces, replicas placed by a
/// simple Murmur3-like random-token ring with an NTS rack-aware walk (ks1–ks3 RF 3, ks4 RF 5, ks5 RF 2 per DC;
/// one variant makes ks5 SimpleStrategy RF 3). Prints the time to build the replica
/// index and the time per decision. Args: [nodes] [vnodes].
/// </summary>
internal sealed class SchedulerBenchmark : IBenchmark
{
    public string Name => "scheduler";

    public string Description => "build the replica index and time Decide on 1,000 nodes x 256 vnodes x 5 keyspaces";

    public Task<int> RunAsync(string[] args)
    {
        var nodeCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var vnodes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 256;
        var watch = Stopwatch.StartNew();
        var nodes = Enumerable.Range(0, nodeCount).Select(i => new Node(
            $"10.{i / 250}.{i % 250 / 10}.{i % 10}", "bench", i % 2 == 0 ? "dc1" : "dc2", $"r{i / 2 % 3}", NodeStatus.Up, NodeState.Normal, null)).ToArray();
        var ring = BenchRing.Build(nodes, vnodes, new Random(42));
        KeyspaceDefinition Nts(string name, int rf) => KeyspaceDefinition.NetworkTopology(name, [new("dc1", rf), new("dc2", rf)]);
        var rf3 = ring.PlaceNts(3);
        var keyspaces = new[]
        {
            new KeyspaceReplicas(Nts("ks1", 3), rf3),
            new KeyspaceReplicas(Nts("ks2", 3), rf3),
            new KeyspaceReplicas(Nts("ks3", 3), rf3),
            new KeyspaceReplicas(Nts("ks4", 5), ring.PlaceNts(5)),
            new KeyspaceReplicas(Nts("ks5", 2), ring.PlaceNts(2)),
        };
        var map = new ReplicaMap("bench", [.. keyspaces]);
        var topology = new RingTopology([ClusterTopology.Create("bench", nodes)]);
        Console.WriteLine($"ring: {nodeCount} nodes x {vnodes} vnodes = {ring.RangeCount} ranges x {keyspaces.Length} keyspaces, generated in {watch.ElapsedMilliseconds} ms");

        var simple = new ReplicaMap("bench", [.. keyspaces.Take(4), new KeyspaceReplicas(KeyspaceDefinition.Simple("ks5", 3), ring.PlaceSimple(3))]);
        foreach (var (label, policy, replicas) in new[]
        {
            ("NTS only", new SchedulingPolicy { Strategy = SchedulingStrategy.Topology, DcParallel = true }, map),
            ("NTS only", new SchedulingPolicy { Strategy = SchedulingStrategy.All, DcParallel = true }, map),
            ("NTS only", new SchedulingPolicy { Strategy = SchedulingStrategy.Rack, DcParallel = true, IgnoreKeyspaces = ["ks4"] }, map),
            ("ks5 SimpleStrategy RF 3", new SchedulingPolicy { Strategy = SchedulingStrategy.All, DcParallel = true }, simple),
            ("no consistency", new SchedulingPolicy { Strategy = SchedulingStrategy.All, DcParallel = true, KeepConsistency = false, MaxConcurrency = 20 }, map),
        })
        {
            watch.Restart();
            var context = SchedulingContext.Create(topology, [replicas], policy);
            var build = watch.Elapsed;
            Console.WriteLine($"{label}, strategy {policy.Strategy}: index built in {build.TotalMilliseconds:F0} ms, {context.RequirementCount} distinct replica requirements");
            Measure(context, nodes);
        }

        return Task.FromResult(0);
    }

    private static void Measure(SchedulingContext context, Node[] nodes)
    {
        var progress = JobProgress.Create(nodes.Select(n => n.Address));
        var down = ImmutableHashSet.Create(StringComparer.Ordinal, nodes[7].Address);
        var watch = Stopwatch.StartNew();
        var first = Scheduler.Decide(new ScheduleInput(context, progress, down));
        Console.WriteLine($"  first decision: {watch.Elapsed.TotalMilliseconds:F1} ms -> {Describe(first)}");

        if (first is SchedulingDecision.Start start)
        {
            foreach (var host in start.Hosts)
            {
                progress = progress.WithRunning(host);
            }
        }

        const int Repeats = 20;
        var times = new List<double>();
        SchedulingDecision? mid = null;
        for (var i = 0; i < Repeats; i++)
        {
            watch.Restart();
            mid = Scheduler.Decide(new ScheduleInput(context, progress, down));
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine($"  decision with the first wave in flight: min {times[0]:F1} ms, median {times[Repeats / 2]:F1} ms over {Repeats} -> {Describe(mid!)}");
        watch.Restart();
        var plan = PlanSimulator.Simulate(context, JobProgress.Create(nodes.Select(n => n.Address)), down, PlanEstimate.Default);
        Console.WriteLine($"  dry-run plan: {plan.Waves.Length} waves, largest {plan.MaxWaveSize}, in {watch.Elapsed.TotalMilliseconds:F0} ms ({watch.Elapsed.TotalMilliseconds / Math.Max(1, plan.Waves.Length + 1):F1} ms per decision)");
    }

    private static string Describe(SchedulingDecision decision) => decision switch
    {
        SchedulingDecision.Start s => $"Start {s.Hosts.Length} hosts",
        _ => decision.GetType().Name,
    };
}
