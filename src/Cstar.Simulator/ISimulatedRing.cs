namespace Cstar.Simulator;

/// <summary>
/// The seam between the in-process ring model and whatever exposes it (the loopback SSH hosts, the demo,
/// tests): nodetool answers per node, and the controls an operator or a fault test uses. Thread-safe.
/// Time inside the model comes from the TimeProvider it was built with.
/// </summary>
public interface ISimulatedRing
{
    /// <summary>Every simulated node, in ring-definition order.</summary>
    IReadOnlyList<SimulatedNodeInfo> Nodes { get; }

    /// <summary>Runs `nodetool args...` as the node at <paramref name="address"/> would answer it, in that node's version format.</summary>
    NodetoolResponse RunNodetool(string address, IReadOnlyList<string> args);

    /// <summary>Stops the Cassandra process (peers see the node DN after their detection delay).</summary>
    void StopCassandra(string address);

    /// <summary>Starts Cassandra; the node serves (UN locally, binary protocol up) after <paramref name="startDelay"/>.</summary>
    void StartCassandra(string address, TimeSpan startDelay);

    /// <summary>nodetool drain: the node stops accepting writes and its binary protocol and gossip go down.</summary>
    void Drain(string address);

    /// <summary>The whole host goes away (Cassandra with it) until <see cref="PowerOn"/>.</summary>
    void PowerOff(string address);

    /// <summary>The host comes back and Cassandra starts (its service is enabled at boot, even if it was stopped before).</summary>
    void PowerOn(string address, TimeSpan cassandraStartDelay);

    /// <summary>The node keeps a schema version of its own (a schema change that did not reach it) until its Cassandra starts again.</summary>
    void SplitSchema(string address);

    /// <summary>True while the node's CQL port should answer OPTIONS with SUPPORTED.</summary>
    bool IsNativeTransportUp(string address);
}
