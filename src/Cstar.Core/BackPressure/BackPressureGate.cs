using Cstar.Core.Ports;

namespace Cstar.Core.BackPressure;

/// <summary>
/// The back-pressure gate of one run: reads the nodes' load through <see cref="INodeLoadProbe"/> (a node's figures are
/// reused until they are <see cref="PollInterval"/> old, so a start check and a return check share a read), keeps
/// the history for the trend, and judges with <see cref="BackPressureRules"/>.
/// </summary>
public sealed class BackPressureGate(INodeLoadProbe probe, BackPressureLimits limits, TimeProvider time)
{
    private readonly Dictionary<string, NodeLoad> _latest = new(StringComparer.Ordinal);
    private readonly LoadHistory _history = new();

    public BackPressureLimits Limits => limits;

    /// <summary>How old a node's figures may be before they are read again.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(30);

    public async Task<BackPressureVerdict> CheckAsync(IReadOnlyCollection<string> nodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var now = time.GetUtcNow();
        var stale = nodes.Distinct(StringComparer.Ordinal)
            .Where(n => !_latest.TryGetValue(n, out var load) || now - load.At >= PollInterval)
            .ToList();
        var read = await Task.WhenAll(stale.Select(n => probe.ReadAsync(n, limits, cancellationToken))).ConfigureAwait(false);
        foreach (var answer in read)
        {
            var load = answer with { At = now };
            _latest[load.Host] = load;
            _history.Record(load);
        }

        return BackPressureRules.Check(nodes, _latest, limits, _history);
    }
}
