using System.Text;
using Cstar.Core.Replication;
using Cstar.Simulator.Java;
using Cstar.Simulator.Views;

namespace Cstar.Simulator.Formats;

/// <summary>
/// `nodetool describering &lt;ks&gt;`: "Schema Version:", "TokenRange: ", then one Thrift-style TokenRange per
/// range in the iteration order of StorageService's HashMap&lt;Range, endpoints&gt; (sized for the range
/// count; Range.hashCode = 31 * left + right). 4.0 pre-releases print the local node as "/ip" in rpc_endpoints.
/// </summary>
internal static class DescribeRingRenderer
{
    public static string Render(ClusterView view, KeyspaceDefinition keyspace)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(keyspace);
        var placement = view.Model.PlacementFor(keyspace);
        var ring = placement.Ring;
        var insertion = new List<int>(ring.Count);
        for (var i = 1; i < ring.Count; i++)
        {
            insertion.Add(i);
        }

        insertion.Add(0);
        var ordered = JavaHashOrder.Order(insertion, i => RangeHash(ring.RangeStart(i), ring.SortedTokens[i]), ring.Count);
        var output = new StringBuilder();
        output.Append("Schema Version:").Append(view.Self.SchemaVersion).Append('\n').Append("TokenRange: \n");
        var slashLocal = view.Version.IsFourZeroPreRelease;
        foreach (var i in ordered)
        {
            var replicas = placement.Replicas(i);
            var endpoints = new string[replicas.Length];
            var rpc = new string[replicas.Length];
            var details = new string[replicas.Length];
            for (var r = 0; r < replicas.Length; r++)
            {
                var peer = view.Peers[replicas[r]];
                endpoints[r] = peer.HostAddress;
                rpc[r] = slashLocal && peer.Index == view.Self.Index ? "/" + peer.HostAddress : peer.HostAddress;
                details[r] = $"EndpointDetails(host:{peer.HostAddress}, datacenter:{peer.Datacenter}, rack:{peer.Rack})";
            }

            output.Append("\tTokenRange(start_token:").Append(Token(ring.RangeStart(i))).Append(", end_token:").Append(Token(ring.SortedTokens[i]))
                .Append(", endpoints:[").AppendJoin(", ", endpoints)
                .Append("], rpc_endpoints:[").AppendJoin(", ", rpc)
                .Append("], endpoint_details:[").AppendJoin(", ", details).Append("])\n");
        }

        return output.ToString();
    }

    private static string Token(long token) => token.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static int RangeHash(long left, long right) =>
        unchecked((31 * JavaHashOrder.LongHash(left)) + JavaHashOrder.LongHash(right));
}
