using Cstar.Simulator.Host.Cluster;
using Cstar.Simulator.Host.Ring;
using Cstar.Simulator.Spec;

namespace Cstar.TestKit.Simulation;

/// <summary>What a test asks of its loopback cluster. The ring model is injected through <see cref="RingFactory"/>.</summary>
public sealed record LoopbackClusterOptions
{
    public int Hosts { get; init; } = 3;

    public int Datacenters { get; init; } = 1;

    public int Racks { get; init; } = 1;

    public string CassandraVersion { get; init; } = "4.0";

    public TimeSpan RebootDelay { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan CassandraStartDelay { get; init; } = TimeSpan.Zero;

    /// <summary>Drives the daemon's reboot delays (and whatever the ring factory hands it); real time by default.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The ring model; the <see cref="StubSimulatedRing"/> unless a test (or, later, the real model) says otherwise.</summary>
    public SimulatedRingFactory RingFactory { get; init; } = spec => new StubSimulatedRing(spec.Nodes);

    /// <summary>How the ring factory replicates the system keyspaces: as Cassandra ships them (default) or NTS per DC.</summary>
    public SystemKeyspaceProfile Profile { get; init; } = SystemKeyspaceProfile.Stock;

    /// <summary>How long every simulated nodetool call waits (on <see cref="Time"/>) before it answers.</summary>
    public TimeSpan NodetoolLatency { get; init; } = TimeSpan.Zero;

    public int SshPort { get; init; } = 22;

    public int CqlPort { get; init; } = 9042;

    public int StartParallelism { get; init; } = 16;

    internal ClusterOptions ToClusterOptions(string directory, int network) => new()
    {
        Directory = directory,
        HostCount = Hosts,
        Datacenters = Datacenters,
        Racks = Racks,
        CassandraVersion = CassandraVersion,
        Network = network,
        SshPort = SshPort,
        CqlPort = CqlPort,
        RebootDelay = RebootDelay,
        CassandraStartDelay = CassandraStartDelay,
        StartParallelism = StartParallelism,
        Profile = Profile,
        NodetoolLatency = NodetoolLatency,
    };
}
