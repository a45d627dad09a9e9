using System.Net;
using Cstar.Core.Topology;
using Cstar.Simulator.Java;
using Cstar.Simulator.Spec;

namespace Cstar.Simulator.State;

/// <summary>
/// The mutable state of one simulated node (process, host, drain, ring state, version, schema, load,
/// compactions). Only <see cref="SimulatedRing"/> touches it, under its lock.
/// </summary>
internal sealed class NodeRuntime
{
    public NodeRuntime(int index, NodeSpec spec, Guid schemaVersion, DateTimeOffset now)
    {
        Index = index;
        Spec = spec;
        Ip = JavaAddress.Parse(spec.Address);
        HostAddress = JavaAddress.HostAddress(Ip);
        Version = CassandraVersion.Parse(spec.CassandraVersion);
        SchemaVersion = schemaVersion;
        LoadBytes = spec.LoadBytes;
        Tokens = [.. spec.Tokens.Order()];
        Gossip = new GossipHistory(initiallyUp: true);
        Compactions = new CompactionBacklog(now, tasksPerSecond: 0.5);
        StartedAt = now - TimeSpan.FromSeconds(398);
        ServingFrom = DateTimeOffset.MinValue;
    }

    public int Index { get; }

    public NodeSpec Spec { get; }

    public IPAddress Ip { get; }

    /// <summary>The address as Java prints it (IPv6 in full).</summary>
    public string HostAddress { get; }

    public long[] Tokens { get; }

    public CassandraVersion Version { get; set; }

    public Guid SchemaVersion { get; set; }

    public long LoadBytes { get; set; }

    public NodeState RingState { get; set; } = NodeState.Normal;

    public bool ProcessRunning { get; set; } = true;

    public bool HostUp { get; set; } = true;

    /// <summary>JMX, gossip and the binary protocol answer from this instant (after a start delay).</summary>
    public DateTimeOffset ServingFrom { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public bool Drained { get; set; }

    public bool BinaryDisabled { get; set; }

    public bool GossipDisabled { get; set; }

    public int Generation { get; set; } = 1795316250;

    public GossipHistory Gossip { get; }

    public CompactionBacklog Compactions { get; }

    /// <summary>Streams of repairs run on this node or with it as a peer (netstats).</summary>
    public StreamPlans Streams { get; } = new();

    /// <summary>The process answers nodetool (JMX) now.</summary>
    public bool Serving(DateTimeOffset now) => HostUp && ProcessRunning && now >= ServingFrom;

    public bool GossipRunning(DateTimeOffset now) => Serving(now) && !Drained && !GossipDisabled;

    public bool NativeTransportRunning(DateTimeOffset now) => Serving(now) && !Drained && !BinaryDisabled;

    /// <summary>nodetool netstats "Mode:" (StorageService.getOperationMode).</summary>
    public string OperationMode(DateTimeOffset now) =>
        Drained ? "DRAINED"
        : !Serving(now) ? "STARTING"
        : RingState switch
        {
            NodeState.Joining => "JOINING",
            NodeState.Leaving => "LEAVING",
            NodeState.Moving => "MOVING",
            _ => "NORMAL",
        };
}
