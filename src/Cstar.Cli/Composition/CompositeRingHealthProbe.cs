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

    public Task<CqlCheck> CheckCqlAsync(string host, CancellationToken cancellationToken) => cqlCheck(host, cancellationToken);
}
