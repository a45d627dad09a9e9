using System.Collections.Immutable;
using System.Globalization;
using Cstar.Core.Topology;

namespace Cstar.Ring.Rendering;

/// <summary>
/// Renders 'cstar ring' as plain text lines (no colours, no console): clusters → DCs → racks → hosts with
/// state, load, host id, Cassandra version and schema version; columns aligned per cluster. A schema
/// disagreement is called out because it is the first thing to check before a rolling operation.
/// </summary>
public static class RingTextRenderer
{
    private const string Missing = "-";

    public static ImmutableArray<string> Render(RingTopology ring)
    {
        var view = RingViewBuilder.Build(ring);
        var lines = ImmutableArray.CreateBuilder<string>();
        foreach (var cluster in view.Clusters)
        {
            var dcCount = cluster.Datacenters.Count;
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"Cluster: {cluster.Name} ({cluster.NodeCount} {(cluster.NodeCount == 1 ? "node" : "nodes")}, {dcCount} {(dcCount == 1 ? "DC" : "DCs")})"));
            var reachableVersions = cluster.SchemaVersions.Where(v => v != Describecluster.DescribeclusterOutput.Unreachable).ToList();
            if (reachableVersions.Count > 1)
            {
                lines.Add($"  WARNING: schema disagreement, {reachableVersions.Count} schema versions: {string.Join(", ", reachableVersions)}");
            }

            var hosts = cluster.Datacenters.SelectMany(d => d.Racks).SelectMany(r => r.Hosts).ToList();
            var widths = new[]
            {
                hosts.Max(h => h.Address.Length),
                hosts.Max(h => (h.Load ?? Missing).Length),
                hosts.Max(h => (h.HostId ?? Missing).Length),
                hosts.Max(h => (h.CassandraVersion ?? Missing).Length),
            };
            foreach (var dc in cluster.Datacenters)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"  DC: {dc.Name} ({dc.NodeCount} {(dc.NodeCount == 1 ? "node" : "nodes")})"));
                foreach (var rack in dc.Racks)
                {
                    lines.Add($"    Rack: {rack.Name}");
                    foreach (var host in rack.Hosts)
                    {
                        lines.Add(string.Join(
                            "  ",
                            "     " + host.State,
                            host.Address.PadRight(widths[0]),
                            (host.Load ?? Missing).PadRight(widths[1]),
                            (host.HostId ?? Missing).PadRight(widths[2]),
                            (host.CassandraVersion ?? Missing).PadRight(widths[3]),
                            host.SchemaVersion ?? Missing).TrimEnd());
                    }
                }
            }
        }

        return lines.ToImmutable();
    }

    /// <summary>The legend printed under the tree.</summary>
    public static string Legend => "State: U=up D=down / N=normal J=joining L=leaving M=moving; columns: state, address, load, host id, Cassandra version, schema version";
}
