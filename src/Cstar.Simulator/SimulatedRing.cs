using System.Collections.Immutable;
using System.Net;
using Cstar.Core.Replication;
using Cstar.Core.Topology;
using Cstar.Simulator.Java;
using Cstar.Simulator.Model;
using Cstar.Simulator.Spec;
using Cstar.Simulator.State;
using Cstar.Simulator.Views;

namespace Cstar.Simulator;

/// <summary>
/// The in-process simulated Cassandra ring: every node keeps its own gossip view of the others, answers
/// nodetool in its own version's format, and is stopped, started, drained, upgraded or powered off through
/// the controls. All state sits behind one lock; time comes only from the injected TimeProvider and every
/// delay is evaluated lazily against it, so tests advance a fake clock instead of sleeping.
/// </summary>
public sealed partial class SimulatedRing : ISimulatedRing
{
    private readonly object gate = new();
    private readonly TimeProvider time;
    private readonly RingSpec spec;
    private readonly NodeRuntime[] nodes;
    private readonly Dictionary<string, int> byAddress = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Viewer, int Subject), TimeSpan> delayOverrides = [];
    private readonly CassandraVersion baselineVersion;
    private readonly ImmutableArray<KeyspaceDefinition> keyspaces;
    private RingModel? model;

    public SimulatedRing(RingSpec spec, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.spec = spec;
        time = timeProvider;
        keyspaces = spec.Keyspaces;
        var now = time.GetUtcNow();
        nodes = [.. spec.Nodes.Select((n, i) => new NodeRuntime(i, n, spec.SchemaVersion, now))];
        foreach (var node in nodes)
        {
            byAddress[Key(node.Ip)] = node.Index;
            node.Generation = (int)node.StartedAt.ToUnixTimeSeconds();
            if (node.Tokens.Length is < 1 or > 256)
            {
                throw new ArgumentException($"Node {node.Spec.Address} has {node.Tokens.Length} tokens; a node has 1 to 256.", nameof(spec));
            }
        }

        baselineVersion = nodes[0].Version;
    }

    public IReadOnlyList<SimulatedNodeInfo> Nodes
    {
        get
        {
            lock (gate)
            {
                return [.. nodes.Select(n => new SimulatedNodeInfo(n.Spec.Address, n.Spec.HostName, n.Spec.Datacenter, n.Spec.Rack, n.Version.Text))];
            }
        }
    }

    /// <summary>The replicas of every range of every non-local keyspace, as Cassandra places them.</summary>
    public ReplicaMap ReplicaMap()
    {
        lock (gate)
        {
            var current = Model();
            var result = ImmutableArray.CreateBuilder<KeyspaceReplicas>();
            foreach (var keyspace in keyspaces.Where(k => k.Class != ReplicationClass.Local))
            {
                var placement = current.PlacementFor(keyspace);
                var ring = placement.Ring;
                var ranges = ImmutableArray.CreateBuilder<TokenRange>(ring.Count);
                for (var i = 0; i < ring.Count; i++)
                {
                    var endpoints = placement.Replicas(i).ToArray().Select(e => nodes[e].HostAddress).ToImmutableArray();
                    ranges.Add(new TokenRange(Str(ring.RangeStart(i)), Str(ring.SortedTokens[i]), endpoints));
                }

                result.Add(new KeyspaceReplicas(keyspace, ranges.MoveToImmutable()));
            }

            return new ReplicaMap(spec.ClusterName, result.ToImmutable());
        }
    }

    /// <summary>Whether <paramref name="viewer"/> currently sees <paramref name="subject"/> as Up.</summary>
    public bool SeesUp(string viewer, string subject)
    {
        lock (gate)
        {
            return Sees(nodes[IndexOf(viewer)], nodes[IndexOf(subject)], time.GetUtcNow());
        }
    }

    private static string Str(long token) => token.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Key(IPAddress ip) => ip.ToString();

    private int IndexOf(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return IPAddress.TryParse(address, out var ip) && byAddress.TryGetValue(Key(ip), out var index)
            ? index
            : throw new ArgumentException($"No simulated node has address '{address}'.", nameof(address));
    }

    private RingModel Model() => model ??= new RingModel(
        [.. nodes.Select(n => n.Tokens)],
        [.. nodes.Select(n => n.Spec.Datacenter)],
        [.. nodes.Select(n => n.Spec.Rack)],
        [.. nodes.Select(n => n.RingState == NodeState.Joining)],
        nodes.All(n => n.Version.UsesLegacyNtsPlacement));

    private TimeSpan Delay(int viewer, int subject)
    {
        if (delayOverrides.TryGetValue((viewer, subject), out var fixedDelay))
        {
            return fixedDelay;
        }

        var x = unchecked((ulong)spec.Seed * 0x9E3779B97F4A7C15UL ^ ((ulong)viewer << 32) ^ (ulong)(uint)subject);
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        x ^= x >> 31;
        var fraction = (x >> 11) / (double)(1UL << 53);
        return spec.MinGossipDelay + ((spec.MaxGossipDelay - spec.MinGossipDelay) * fraction);
    }

    /// <summary>
    /// The viewer sees the subject Up when the subject's last gossip change older than the viewer's delay
    /// was "up", and the viewer itself has been up for that delay (a restarted node learns peers anew).
    /// </summary>
    private bool Sees(NodeRuntime viewer, NodeRuntime subject, DateTimeOffset now)
    {
        if (viewer.Index == subject.Index)
        {
            return true;
        }

        var delay = Delay(viewer.Index, subject.Index);
        var (up, _) = subject.Gossip.StateAt(now, delay);
        return up && (viewer.ServingFrom == DateTimeOffset.MinValue || now - delay >= viewer.ServingFrom);
    }

    private ClusterView ViewFrom(NodeRuntime viewer, DateTimeOffset now)
    {
        var peers = nodes.Select(n => new PeerView(
            n.Index, n.Ip, n.HostAddress, n.Spec.Datacenter, n.Spec.Rack, n.Spec.HostId, n.Tokens, n.LoadBytes,
            Sees(viewer, n, now), n.RingState, n.SchemaVersion, n.Version, n.Spec.ReverseDnsName, n.GossipRunning(now) || n.Index == viewer.Index)).ToList();
        return new ClusterView(spec.ClusterName, peers[viewer.Index], peers, Model(), keyspaces);
    }
}
