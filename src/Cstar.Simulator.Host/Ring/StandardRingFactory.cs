using Cstar.Core.Replication;
using Cstar.Simulator.Spec;

namespace Cstar.Simulator.Host.Ring;

/// <summary>
/// The real ring model for the loopback cluster: the spec's hosts with seeded tokens, the system keyspaces
/// and one application keyspace replicated 3 times in every DC (so that safety rules have work to do).
/// </summary>
public static class StandardRingFactory
{
    public const string ApplicationKeyspace = "app";

    public static SimulatedRingFactory Create(
        TimeProvider time,
        int vnodes = 16,
        int seed = 1,
        TimeSpan? minGossipDelay = null,
        TimeSpan? maxGossipDelay = null) =>
        spec =>
        {
            var dcs = spec.Nodes.Select(n => n.Datacenter).Distinct(StringComparer.Ordinal)
                .Select(dc => new KeyValuePair<string, int>(dc, Math.Min(3, spec.Nodes.Count(n => n.Datacenter == dc))));
            var ring = RingBuilder.Create("Loopback Cluster")
                .WithHosts(spec.Nodes, vnodes, seed)
                .WithKeyspace(KeyspaceDefinition.NetworkTopology(ApplicationKeyspace, dcs))
                .WithGossipDelay(minGossipDelay ?? TimeSpan.FromMilliseconds(200), maxGossipDelay ?? TimeSpan.FromSeconds(2))
                .Build();
            return new SimulatedRing(ring, time);
        };
}
