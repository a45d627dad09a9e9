using Cstar.Core.Replication;
using Cstar.Simulator.Spec;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Simulator.Tests;

/// <summary>A small version of the scale benchmark (the 1,000 × 256 run is benchmarks/simulator-scale): not timed.</summary>
public sealed class ScaleTests
{
    [Fact]
    public void Two_hundred_nodes_with_16_vnodes_render_status_and_describering_for_five_keyspaces()
    {
        var spec = RingBuilder.Create().WithGeneratedNodes(200, datacenters: 2, racksPerDatacenter: 3, vnodes: 16, seed: 1)
            .WithKeyspace(KeyspaceDefinition.NetworkTopology("ks1", [new("dc1", 3), new("dc2", 3)]))
            .WithKeyspace(KeyspaceDefinition.NetworkTopology("ks2", [new("dc1", 3)]))
            .Build();
        var ring = new SimulatedRing(spec, new ManualClock());

        var map = ring.ReplicaMap();
        var status = ring.RunNodetool("127.0.0.1", ["status", "ks1"]);
        var describering = ring.RunNodetool("127.0.0.1", ["describering", "ks1"]);

        map.Keyspaces.Should().HaveCount(5);
        map.Keyspaces.Single(k => k.Keyspace.Name == "ks1").Ranges.Should().HaveCount(3200)
            .And.OnlyContain(r => r.Endpoints.Length == 6);
        status.StandardOutput.Split('\n').Count(l => l.StartsWith("UN", StringComparison.Ordinal)).Should().Be(200);
        describering.StandardOutput.Split('\n').Count(l => l.StartsWith("\tTokenRange(", StringComparison.Ordinal)).Should().Be(3200);
    }
}
