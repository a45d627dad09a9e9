using Cstar.Simulator.Host.Ring;
using Cstar.TestKit.Simulation;

namespace Cstar.Integration.Tests.Cli;

/// <summary>
/// Three hosts in one rack with the standard ring (hosts go down and come back), shared by the tests of one class
/// that run commands which change nothing but each test's own job store.
/// </summary>
public class SmallRingFixture : LoopbackClusterFixture
{
    protected override Task<LoopbackCluster> StartClusterAsync() =>
        LoopbackCluster.StartAsync(new LoopbackClusterOptions
        {
            Hosts = 3,
            RingFactory = StandardRingFactory.Create(TimeProvider.System, minGossipDelay: TimeSpan.FromMilliseconds(100), maxGossipDelay: TimeSpan.FromMilliseconds(300)),
        });
}
