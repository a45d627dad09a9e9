using Cstar.Simulator.Spec;

namespace Cstar.Simulator.Host.Cluster;

/// <summary>
/// Everything that shapes one loopback cluster: how many hosts, where they live on 127.0.0.0/8, which ports,
/// and how long reboots and Cassandra starts take. One record so adding a knob breaks no caller.
/// </summary>
public sealed record ClusterOptions
{
    /// <summary>The cluster directory: keys, configs, per-host homes, the control socket and the pid files.</summary>
    public required string Directory { get; init; }

    public int HostCount { get; init; } = 3;

    public int Datacenters { get; init; } = 1;

    public int Racks { get; init; } = 1;

    /// <summary>"4.0", "3.11" or a full version such as "3.11.10" (see <see cref="CassandraVersions"/>).</summary>
    public string CassandraVersion { get; init; } = "4.0";

    /// <summary>How the system keyspaces are replicated: as the version ships them (default) or NTS in every DC.</summary>
    public SystemKeyspaceProfile Profile { get; init; } = SystemKeyspaceProfile.Stock;

    /// <summary>How long every simulated nodetool call waits before it answers (a JVM start and a JMX connection take seconds on a real node).</summary>
    public TimeSpan NodetoolLatency { get; init; } = TimeSpan.Zero;

    /// <summary>Second octet of every host address (see <see cref="AddressPlan"/>); 1..254.</summary>
    public int Network { get; init; } = 10;

    public int SshPort { get; init; } = 22;

    public int CqlPort { get; init; } = 9042;

    /// <summary>How long a host stays away after `reboot` typed in one of its sessions.</summary>
    public TimeSpan RebootDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Delay before Cassandra serves again after a start, restart or power-on without an explicit delay.</summary>
    public TimeSpan CassandraStartDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How many sshd processes are being started at the same time.</summary>
    public int StartParallelism { get; init; } = 16;

    /// <summary>How long one host may take to listen on its SSH port.</summary>
    public TimeSpan HostStartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
