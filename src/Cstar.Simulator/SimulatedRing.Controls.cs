using System.Security.Cryptography;
using System.Text;
using Cstar.Core.Topology;
using Cstar.Simulator.Java;
using Cstar.Simulator.State;

namespace Cstar.Simulator;

/// <summary>The operator's and the fault tests' controls: process, host, drain, ring state, upgrades, a split schema.</summary>
public sealed partial class SimulatedRing
{
    public void StopCassandra(string address) => Mutate(address, (node, now) => Stop(node, now));

    public void StartCassandra(string address, TimeSpan startDelay) => Mutate(address, (node, now) =>
    {
        if (!node.HostUp)
        {
            throw new InvalidOperationException($"Host {node.Spec.Address} is powered off; power it on first.");
        }

        Start(node, now, startDelay);
        node.SchemaVersion = SchemaVersionFor(node.Version);
    });

    public void Drain(string address) => Mutate(address, Drain);

    public void PowerOff(string address) => Mutate(address, (node, now) =>
    {
        if (!node.HostUp)
        {
            return;
        }

        Stop(node, now);
        node.HostUp = false;
    });

    public void PowerOn(string address, TimeSpan cassandraStartDelay) => Mutate(address, (node, now) =>
    {
        if (node.HostUp)
        {
            return;
        }

        // The service is enabled at boot, as a packaged Cassandra is: `service cassandra stop` before a
        // reboot does not keep it down (that is how an operator reboots a node safely).
        node.HostUp = true;
        Start(node, now, cassandraStartDelay);
        node.SchemaVersion = SchemaVersionFor(node.Version);
    });

    public bool IsNativeTransportUp(string address)
    {
        lock (gate)
        {
            return nodes[IndexOf(address)].NativeTransportRunning(time.GetUtcNow());
        }
    }

    /// <summary>True while the host is powered on (SSH would answer).</summary>
    public bool IsHostUp(string address)
    {
        lock (gate)
        {
            return nodes[IndexOf(address)].HostUp;
        }
    }

    /// <summary>Puts a node in Joining, Leaving, Moving or Normal (seen by every peer at once).</summary>
    public void SetRingState(string address, NodeState state) => Mutate(address, (node, _) =>
    {
        if ((node.RingState == NodeState.Joining) != (state == NodeState.Joining))
        {
            model = null;
        }

        node.RingState = state;
    });

    /// <summary>
    /// Installs another Cassandra version on a node: its nodetool switches format, gossip reports the new
    /// release and, when the major.minor differs from the cluster's original one, its schema version changes
    /// (so describecluster shows two schema versions during a rolling upgrade).
    /// </summary>
    public void UpgradeNode(string address, string newVersion) => Mutate(address, (node, _) =>
    {
        var version = CassandraVersion.Parse(newVersion);
        node.Version = version;
        node.SchemaVersion = SchemaVersionFor(version);
        model = null;
    });

    /// <summary>
    /// The node keeps a schema version of its own, as when a schema change did not reach it: describecluster shows two
    /// versions that no release explains. It lasts until the node's Cassandra starts again (a starting node pulls the
    /// schema its peers gossip).
    /// </summary>
    public void SplitSchema(string address) => Mutate(address, (node, _) => node.SchemaVersion = DerivedSchemaVersion("split/" + node.Spec.Address));

    /// <summary>Adds pending compaction tasks; they drain at <paramref name="tasksPerSecond"/> while Cassandra runs.</summary>
    public void AddPendingCompactions(string address, int tasks, double tasksPerSecond) => Mutate(address, (node, now) =>
    {
        node.Compactions.TasksPerSecond = tasksPerSecond;
        node.Compactions.Add(now, tasks);
    });

    /// <summary>Fixes how long <paramref name="viewer"/> takes to notice <paramref name="subject"/> going up or down.</summary>
    public void SetGossipDelay(string viewer, string subject, TimeSpan delay)
    {
        lock (gate)
        {
            delayOverrides[(IndexOf(viewer), IndexOf(subject))] = delay;
        }
    }

    private void Mutate(string address, Action<NodeRuntime, DateTimeOffset> change)
    {
        lock (gate)
        {
            change(nodes[IndexOf(address)], time.GetUtcNow());
        }
    }

    private static void Stop(NodeRuntime node, DateTimeOffset now)
    {
        if (!node.ProcessRunning)
        {
            return;
        }

        node.ProcessRunning = false;
        node.Gossip.Record(now, now, up: false);
        node.Compactions.Freeze(now);
    }

    private static void Start(NodeRuntime node, DateTimeOffset now, TimeSpan startDelay)
    {
        if (node.ProcessRunning)
        {
            return;
        }

        node.ProcessRunning = true;
        node.Drained = false;
        node.BinaryDisabled = false;
        node.GossipDisabled = false;
        node.ServingFrom = now + startDelay;
        node.StartedAt = node.ServingFrom;
        node.Generation = (int)node.ServingFrom.ToUnixTimeSeconds();
        node.Gossip.Record(now, node.ServingFrom, up: true);
        node.Compactions.Resume(node.ServingFrom);
        node.Compactions.Add(node.ServingFrom, 2);
    }

    private static void Drain(NodeRuntime node, DateTimeOffset now)
    {
        if (!node.Serving(now) || node.Drained)
        {
            return;
        }

        node.Drained = true;
        node.Gossip.Record(now, now, up: false);
    }

    private Guid SchemaVersionFor(CassandraVersion version)
    {
        if (version.Major == baselineVersion.Major && version.Minor == baselineVersion.Minor)
        {
            return spec.SchemaVersion;
        }

        return DerivedSchemaVersion(version.Major + "." + version.Minor);
    }

    /// <summary>A stable type-3 UUID of the cluster's schema version and <paramref name="salt"/>.</summary>
    private Guid DerivedSchemaVersion(string salt)
    {
        var seed = Encoding.UTF8.GetBytes(spec.SchemaVersion + "/" + salt);
        var bytes = SHA256.HashData(seed).AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x30);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
