using Cstar.TestKit.Simulation;
using Xunit;

namespace Cstar.Integration.Tests.Loopback;

/// <summary>A 6-host cluster over 2 data centers and 3 racks, with the stub ring, for read-only tests.</summary>
public sealed class SharedClusterFixture : IAsyncLifetime
{
    public LoopbackCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Cluster = await LoopbackCluster.StartAsync(new LoopbackClusterOptions { Hosts = 6, Datacenters = 2, Racks = 3 });

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
