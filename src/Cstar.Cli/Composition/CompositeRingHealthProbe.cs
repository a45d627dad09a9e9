using Cstar.Core.Execution;
using Cstar.Core.Health;
using Cstar.Core.Ports;

namespace Cstar.Cli.Composition;

/// <summary>One gate over several clusters: each cluster's probe reads its own peers; the views are pooled.</summary>
internal sealed class CompositeRingHealthProbe(IReadOnlyList<IRingHealthProbe> probes, Func<string, CancellationToken, Task<CqlCheck>> cqlCheck) : IRingHealthProbe
{
    public async Task<IReadOnlyList<RingView>> ReadViewsAsync(IReadOnlySet<string> avoid, CancellationToken cancellationToken)
    {
        var all = await Task.WhenAll(probes.Select(p => p.ReadViewsAsync(avoid, cancellationToken)));
        return [.. all.SelectMany(v => v)];
    }

    /// <summary>One cluster: its probe may stop at the first quorum; several: every cluster's peers are read (a host's quorum is among its own cluster's views).</summary>
    public Task<IReadOnlyList<RingView>> ReadViewsAsync(IReadOnlySet<string> avoid, IReadOnlySet<string> judged, Func<IReadOnlyList<RingView>, int, bool> enough, CancellationToken cancellationToken) =>
        probes.Count == 1 ? probes[0].ReadViewsAsync(avoid, judged, enough, cancellationToken) : ReadViewsAsync(avoid, cancellationToken);

    /// <summary>Every cluster's probe reads its own describecluster: the schema rule judges each cluster on its own.</summary>
    public async Task<IReadOnlyList<RingView>> ReadViewsWithSchemaAsync(IReadOnlySet<string> avoid, CancellationToken cancellationToken)
    {
        var all = await Task.WhenAll(probes.Select(p => p.ReadViewsWithSchemaAsync(avoid, cancellationToken)));
        return [.. all.SelectMany(v => v)];
    }

    public Task<CqlCheck> CheckCqlAsync(string host, CancellationToken cancellationToken) => cqlCheck(host, cancellationToken);
}
