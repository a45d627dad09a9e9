using Cstar.Simulator.Host.Ring;
using Cstar.TestKit.Simulation;

namespace Cstar.Integration.Tests.Cli;

/// <summary>
/// Three hosts in one DC and one rack with the standard ring (keyspace app, RF 3), fast gossip and short
/// start and reboot delays: shared by the tests of one bundled command class, which leave it healthy.
/// </summary>
public sealed class BundledClusterFixture : LoopbackClusterFixture
{
    /// <summary>The fastest a peer notices a node going up or down.</summary>
    public static readonly TimeSpan MinGossipDelay = TimeSpan.FromMilliseconds(100);

    public string Store => Path.Combine(Cluster.Directory, "store");

    public static Task<LoopbackCluster> StartAsync(int hosts, int datacenters, int racks) => LoopbackCluster.StartAsync(new LoopbackClusterOptions
    {
        Hosts = hosts,
        Datacenters = datacenters,
        Racks = racks,
        CassandraStartDelay = TimeSpan.FromMilliseconds(500),
        RebootDelay = TimeSpan.FromSeconds(1),
        RingFactory = StandardRingFactory.Create(TimeProvider.System, minGossipDelay: MinGossipDelay, maxGossipDelay: TimeSpan.FromMilliseconds(400)),
    });

    protected override Task<LoopbackCluster> StartClusterAsync() => StartAsync(3, 1, 1);
}
