using System.Collections.Immutable;
using Cstar.Core.Errors;
using Cstar.Core.Replication;
using Cstar.Core.Scheduling;
using Cstar.Core.Topology;
using Cstar.TestKit.Rings;

namespace Cstar.Core.Tests.Scheduling.Simulation;

/// <summary>
/// One randomized scheduling case from a seed: 1–3 DCs, 1–5 racks per DC, 3–60 nodes, vnodes 1–256 (capped
/// so nodes × vnodes ≤ 1,536 to keep 1,000 cases fast), 1–3 Simple/NTS keyspaces with RF 1–5, a random
/// policy, nodes already down, and optional mid-job deaths.
/// </summary>
internal sealed record RandomCase(
    int Seed,
    RingTopology Topology,
    ReplicaMap Map,
    SchedulingPolicy Policy,
    SchedulingContext Context,
    ImmutableArray<string> Targets,
    ImmutableHashSet<string> InitiallyDown,
    int Vnodes)
{
    public const string Cluster = "c1";

    public static RandomCase Generate(int seed, int maxNodes = 60, bool allowStopAfter = true)
    {
        var random = new Random(seed);
        var dcCount = random.Next(1, 4);
        var nodeCount = random.Next(Math.Max(3, dcCount), maxNodes + 1);
        var dcs = Enumerable.Range(1, dcCount).Select(i => $"dc{i}").ToArray();
        var racksPerDc = dcs.ToDictionary(d => d, _ => random.Next(1, 6));
        var nodes = new List<Node>();
        for (var i = 0; i < nodeCount; i++)
        {
            var dc = dcs[i < dcCount ? i : random.Next(dcCount)];
            var rack = $"r{random.Next(1, racksPerDc[dc] + 1)}";
            nodes.Add(TestNodes.Up($"10.0.{(i / 200) + 1}.{(i % 200) + 1}", Cluster, dc, rack));
        }

        var vnodes = random.Next(1, Math.Min(256, Math.Max(1, 1536 / nodeCount)) + 1);
        var placement = new TokenPlacement(nodes, vnodes, random);
        var keyspaces = Enumerable.Range(1, random.Next(1, 4)).Select(k => RandomKeyspace(random, $"ks{k}", dcs)).ToList();
        var profile = random.Next(3);
        keyspaces.AddRange(profile switch { 0 => SystemKeyspaces.Stock(), 1 => SystemKeyspaces.Hardened(dcs), _ => [] });
        var map = new ReplicaMap(Cluster, [.. keyspaces.Select(placement.Place)]);
        var topology = new RingTopology([ClusterTopology.Create(Cluster, nodes)]);

        var weak = keyspaces.Where(k => k.ReplicationFactors.Values.Any(rf => rf == 1)).Select(k => k.Name).ToList();
        var policy = new SchedulingPolicy
        {
            Strategy = (SchedulingStrategy)random.Next(4),
            DcParallel = random.Next(2) == 0,
            MaxConcurrency = random.Next(3) == 0 ? random.Next(1, 6) : null,
            MaxConcurrencyPerDc = random.Next(4) == 0 ? random.Next(1, 4) : null,
            ConsistencyLevel = random.Next(3) == 0 ? (ConsistencyLevel)random.Next(5) : null,
            IgnoreDownNodes = random.Next(2) == 0,
            StopAfter = allowStopAfter && random.Next(10) == 0 ? random.Next(1, nodeCount) : null,
            DcOrder = random.Next(2) == 0 ? [.. dcs.Reverse()] : [],
            AllowUnavailableKeyspaces = [.. weak.Where(_ => random.Next(2) == 0)],
            HaltOnFailure = false,
            StrictConsistency = random.Next(4) == 0,
            IncludeSystemKeyspaces = random.Next(3) == 0,
        };
        policy = policy with { IgnoreKeyspaces = [.. weak.Where(w => !policy.AllowUnavailableKeyspaces.Contains(w) && random.Next(2) == 0)] };

        SchedulingContext context;
        try
        {
            context = SchedulingContext.Create(topology, [map], policy);
        }
        catch (CstarException) when (policy.Strategy == SchedulingStrategy.Rack)
        {
            policy = policy with { Strategy = SchedulingStrategy.Topology };
            context = SchedulingContext.Create(topology, [map], policy);
        }

        var targets = nodes.Where(_ => random.Next(5) != 0).Select(n => n.Address).ToImmutableArray();
        if (targets.IsEmpty)
        {
            targets = [nodes[0].Address];
        }

        var down = nodes.Where(_ => random.Next(Math.Max(4, nodeCount)) == 0).Select(n => n.Address).Take(2).ToImmutableHashSet();
        return new RandomCase(seed, topology, map, policy, context, targets, down, vnodes);
    }

    private static KeyspaceDefinition RandomKeyspace(Random random, string name, string[] dcs)
    {
        int Rf() => random.Next(10) switch { 0 => 1, 1 or 2 => 2, 3 or 4 or 5 or 6 => 3, 7 or 8 => 4, _ => 5 };
        // Other = the class 2.x/3.x discovery reports: NTS placement, replicas per DC known only from the endpoints.
        var perDc = dcs.Where(_ => random.Next(4) != 0).DefaultIfEmpty(dcs[0]).Select(d => new KeyValuePair<string, int>(d, Rf()));
        return random.Next(4) switch
        {
            0 => KeyspaceDefinition.Simple(name, Rf()),
            1 => new KeyspaceDefinition(name, ReplicationClass.Other, perDc.ToImmutableSortedDictionary(StringComparer.Ordinal)),
            _ => KeyspaceDefinition.NetworkTopology(name, perDc),
        };
    }

    public override string ToString() =>
        $"seed {Seed}: {Topology.AllNodes.Count()} nodes, vnodes {Vnodes}, keyspaces [{string.Join(", ", Map.Keyspaces.Select(k => $"{k.Keyspace.Name} {k.Keyspace.Class} {string.Join("/", k.Keyspace.ReplicationFactors.Select(f => f.Key + ":" + f.Value))}"))}], policy {Policy.Strategy} strict={Policy.StrictConsistency} system={Policy.IncludeSystemKeyspaces} dcParallel={Policy.DcParallel} max={Policy.MaxConcurrency} perDc={Policy.MaxConcurrencyPerDc} level={Policy.ConsistencyLevel} ignoreDown={Policy.IgnoreDownNodes}, down [{string.Join(",", InitiallyDown)}]";
}
