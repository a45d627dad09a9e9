using Cstar.Core.Replication;
using Cstar.Simulator;
using Cstar.Simulator.Spec;
using Cstar.Cli.Verbs;

namespace Cstar.Cli.Demo;

/// <summary>The demo's ring: N nodes over D DCs × R racks, system keyspaces as production sets them, one app keyspace with RF 3 per DC.</summary>
internal static class DemoRing
{
    public static SimulatedRing Create(DemoOptions options, TimeProvider time)
    {
        var perDc = Enumerable.Range(1, options.Datacenters)
            .Select(d => new KeyValuePair<string, int>($"dc{d}", Math.Min(3, (options.Nodes + options.Datacenters - d) / options.Datacenters)))
            .ToList();
        var spec = (RingBuilder.Create("Demo Cluster") with
            {
                Keyspaces =
                [
                    KeyspaceDefinition.Local("system_schema"),
                    KeyspaceDefinition.Local("system"),
                    KeyspaceDefinition.NetworkTopology("system_auth", perDc),
                    KeyspaceDefinition.NetworkTopology("system_distributed", perDc),
                    KeyspaceDefinition.NetworkTopology("system_traces", perDc.Select(p => new KeyValuePair<string, int>(p.Key, Math.Min(2, p.Value)))),
                    KeyspaceDefinition.NetworkTopology("app", perDc),
                ],
            })
            .WithGeneratedNodes(options.Nodes, options.Datacenters, options.Racks, options.Vnodes, options.Seed)
            .WithGossipDelay(TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(1200))
            .Build();
        return new SimulatedRing(spec, time);
    }
}
