using Cstar.Cli.Verbs;
using Cstar.Core.Replication;
using Cstar.Simulator;
using Cstar.Simulator.Spec;

namespace Cstar.Cli.Demo;

/// <summary>
/// The demo's ring: N nodes over D DCs × R racks, the system keyspaces as a stock Cassandra 4.0 ships them
/// (SimpleStrategy system_auth RF 1, system_distributed RF 3, system_traces RF 2), one app keyspace with RF 3 per DC.
/// </summary>
internal static class DemoRing
{
    public static SimulatedRing Create(DemoOptions options, TimeProvider time)
    {
        var perDc = Enumerable.Range(1, options.Datacenters)
            .Select(d => new KeyValuePair<string, int>($"dc{d}", Math.Min(3, (options.Nodes + options.Datacenters - d) / options.Datacenters)))
            .ToList();
        var spec = RingBuilder.Create("Demo Cluster")
            .WithKeyspace(KeyspaceDefinition.NetworkTopology("app", perDc))
            .WithGeneratedNodes(options.Nodes, options.Datacenters, options.Racks, options.Vnodes, options.Seed)
            .WithGossipDelay(TimeSpan.FromSeconds(options.GossipDelaySeconds / 6), TimeSpan.FromSeconds(options.GossipDelaySeconds))
            .Build();
        return new SimulatedRing(spec, time);
    }
}
