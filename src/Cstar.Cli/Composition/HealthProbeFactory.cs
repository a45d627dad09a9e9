using Cstar.Cli.Verbs;
using Cstar.Core.Execution;
using Cstar.Core.Ports;
using Cstar.Core.Topology;
using Cstar.Ring.Health;
using Cstar.Ring.Load;
using Cstar.Transport.Cql;

namespace Cstar.Cli.Composition;

/// <summary>The gate's probe: nodetool status on up to three peers per cluster, and the CQL OPTIONS probe.</summary>
internal static class HealthProbeFactory
{
    public static IRingHealthProbe Create(JobOptions options, ICommandTransport transport, RingTopology topology)
    {
        var cql = new CqlReadinessProbe(TimeSpan.FromSeconds(5));
        var port = options.CqlPort ?? CqlReadinessProbe.DefaultPort;
        async Task<CqlCheck> Check(string host, CancellationToken ct)
        {
            var result = await cql.ProbeAsync(host, port, ct);
            return new CqlCheck(result.Ready, result.Detail);
        }

        var probeOptions = new RingHealthProbeOptions { Nodetool = NodetoolCommand.Build(options) };
        var probes = topology.Clusters
            .Select(c => (IRingHealthProbe)new NodetoolRingHealthProbe(transport, probeOptions, c.Name, [.. c.Nodes.Select(n => n.Address)], Check))
            .ToList();
        return new CompositeRingHealthProbe(probes, Check);
    }

    /// <summary>The back-pressure gate's probe: nodetool compactionstats / netstats on the node itself.</summary>
    public static INodeLoadProbe CreateLoadProbe(JobOptions options, ICommandTransport transport, TimeProvider time) =>
        new NodetoolLoadProbe(transport, new RingHealthProbeOptions { Nodetool = NodetoolCommand.Build(options) }, time);
}
