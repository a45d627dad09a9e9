using Cstar.TestKit.Simulation;

namespace Cstar.Integration.Tests.Loopback;

/// <summary>A 6-host cluster over 2 data centers and 3 racks, with the stub ring, for read-only tests.</summary>
public sealed class SharedClusterFixture : LoopbackClusterFixture
{
    protected override Task<LoopbackCluster> StartClusterAsync() =>
        LoopbackCluster.StartAsync(new LoopbackClusterOptions { Hosts = 6, Datacenters = 2, Racks = 3 });
}
