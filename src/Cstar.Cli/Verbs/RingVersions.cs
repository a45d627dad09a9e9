using Cstar.Core.Ports;
using Cstar.Core.Topology;
using Cstar.Ring.Info;

namespace Cstar.Cli.Verbs;

/// <summary>
/// Before 4.0, describecluster does not list each node's version and discovery knows only the seed's. `cstar
/// ring` asks every up node without one (`nodetool version`, a few at a time); a node that does not answer keeps "-".
/// </summary>
internal static class RingVersions
{
    private const int AtOnce = 8;

    public static async Task<RingTopology> FillAsync(RingTopology topology, ICommandTransport transport, IReadOnlyList<string> nodetool, CancellationToken cancellationToken)
    {
        var missing = topology.AllNodes.Where(n => n.CassandraVersion is null && n.Status == NodeStatus.Up).Select(n => n.Address).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count == 0)
        {
            return topology;
        }

        using var gate = new SemaphoreSlim(AtOnce);
        var found = await Task.WhenAll(missing.Select(async address =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var result = await transport.RunAsync(address, [.. nodetool, "version"], TimeSpan.FromSeconds(60), cancellationToken);
                return (Address: address, Version: result.Succeeded ? VersionParser.Parse(result.StandardOutput) : null);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return (Address: address, Version: (string?)null);
            }
            finally
            {
                gate.Release();
            }
        }));
        var versions = found.Where(f => f.Version is not null).ToDictionary(f => f.Address, f => f.Version, StringComparer.Ordinal);
        return topology with
        {
            Clusters = [.. topology.Clusters.Select(c => c with
            {
                Nodes = [.. c.Nodes.Select(n => n.CassandraVersion is null && versions.TryGetValue(n.Address, out var v) ? n with { CassandraVersion = v } : n)],
            })],
        };
    }
}
