using System.Globalization;
using System.Text;
using Cstar.Core.Replication;
using Cstar.Core.Topology;
using Cstar.Simulator.Java;
using Cstar.Simulator.Spec;
using Cstar.Simulator.Views;

namespace Cstar.Simulator.Formats;

/// <summary>
/// `nodetool describecluster`. All versions: name, snitch, partitioner and the schema versions map (each
/// entry followed by an empty line, UNREACHABLE as one of its keys, keys in HashMap order). 3.x adds the
/// DynamicEndPointSnitch line; 4.0+ adds node stats, data centers, database versions and keyspaces.
/// </summary>
internal static class DescribeClusterRenderer
{
    private const string Unreachable = "UNREACHABLE";

    public static string Render(ClusterView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var live = view.LiveMembers();
        var unreachable = view.UnreachableMembers();
        var all = live.Concat(unreachable).ToList();
        var output = new StringBuilder("Cluster Information:\n");
        output.Append("\tName: ").Append(view.ClusterName).Append('\n');
        output.Append("\tSnitch: ").Append(RingSpec.Snitch).Append('\n');
        if (view.Version.Major >= 3)
        {
            output.Append("\tDynamicEndPointSnitch: enabled\n");
        }

        output.Append("\tPartitioner: ").Append(RingSpec.Partitioner).Append('\n');
        output.Append("\tSchema versions:\n");
        var schemas = GroupInHashOrder(all, p => p.AnswersSchemaQueries && live.Contains(p) ? p.SchemaVersion.ToString() : Unreachable, p => p.HostAddress);
        foreach (var (version, hosts) in schemas)
        {
            output.Append("\t\t").Append(version).Append(": [").AppendJoin(", ", hosts).Append("]\n\n");
        }

        if (view.Version.Family != NodetoolFamily.V40Plus)
        {
            return output.ToString();
        }

        output.Append("Stats for all nodes:\n");
        output.Append("\tLive: ").Append(Count(live.Count)).Append('\n');
        output.Append("\tJoining: ").Append(Count(view.CountInState(NodeState.Joining))).Append('\n');
        output.Append("\tMoving: ").Append(Count(view.CountInState(NodeState.Moving))).Append('\n');
        output.Append("\tLeaving: ").Append(Count(view.CountInState(NodeState.Leaving))).Append('\n');
        output.Append("\tUnreachable: ").Append(Count(unreachable.Count)).Append("\n\n");
        output.Append("Data Centers: \n");
        foreach (var (dc, nodes) in view.NodesByDatacenter())
        {
            output.Append('\t').Append(dc).Append(" #Nodes: ").Append(Count(nodes.Count))
                .Append(" #Down: ").Append(Count(nodes.Count(n => unreachable.Contains(n)))).Append('\n');
        }

        output.Append("\nDatabase versions:\n");
        foreach (var (version, hosts) in GroupInHashOrder(all, p => p.Version.Normalized, p => p.HostAddressAndPort))
        {
            output.Append('\t').Append(version).Append(": [").AppendJoin(", ", hosts).Append("]\n");
        }

        output.Append("\nKeyspaces:\n");
        foreach (var keyspace in view.Keyspaces)
        {
            output.Append('\t').Append(keyspace.Name).Append(" -> Replication class: ").Append(ReplicationInfo(keyspace)).Append('\n');
        }

        return output.ToString();
    }

    /// <summary>"NetworkTopologyStrategy {dc2=1, dc1=2}": class simple name and the options HashMap.</summary>
    public static string ReplicationInfo(KeyspaceDefinition keyspace)
    {
        ArgumentNullException.ThrowIfNull(keyspace);
        var name = keyspace.Class switch
        {
            ReplicationClass.Simple => "SimpleStrategy",
            ReplicationClass.NetworkTopology => "NetworkTopologyStrategy",
            ReplicationClass.Local => "LocalStrategy",
            _ => "EverywhereStrategy",
        };
        var options = JavaHashOrder.Order(keyspace.ReplicationFactors.ToList(), kv => JavaHashOrder.StringHash(kv.Key))
            .Select(kv => kv.Key + "=" + kv.Value.ToString(CultureInfo.InvariantCulture));
        return name + " {" + string.Join(", ", options) + "}";
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A HashMap&lt;String, List&lt;String&gt;&gt; filled in host order, iterated in key hash order.</summary>
    private static List<(string Key, List<string> Hosts)> GroupInHashOrder(List<PeerView> hosts, Func<PeerView, string> key, Func<PeerView, string> label)
    {
        var groups = new List<(string Key, List<string> Hosts)>();
        foreach (var host in hosts)
        {
            var k = key(host);
            var index = groups.FindIndex(g => g.Key == k);
            if (index < 0)
            {
                groups.Add((k, []));
                index = groups.Count - 1;
            }

            groups[index].Hosts.Add(label(host));
        }

        return JavaHashOrder.Order(groups, g => JavaHashOrder.StringHash(g.Key));
    }
}
