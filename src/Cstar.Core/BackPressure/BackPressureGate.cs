using Cstar.Core.Ports;

namespace Cstar.Core.BackPressure;

/// <summary>
/// The back-pressure gate of one run: reads the nodes' load through <see cref="INodeLoadProbe"/>, keeps the history
/// for the trend, and judges with <see cref="BackPressureRules"/>. A node's figures are reused while fresh, so a start
/// check and a return check share a read; a node that holds the gate is read again after
/// <see cref="MinPollInterval"/>, then twice as late each time, up to <see cref="PollInterval"/>.
/// </summary>
public sealed class BackPressureGate(INodeLoadProbe probe, BackPressureLimits limits, TimeProvider time)
{
    private readonly Dictionary<string, NodeLoad> _latest = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimeSpan> _fresh = new(StringComparer.Ordinal);
    private readonly LoadHistory _history = new();

    public BackPressureLimits Limits => limits;

    /// <summary>The longest a held node's figures are reused.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The first re-read of a node that holds the gate.</summary>
    public TimeSpan MinPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Judges <paramref name="nodes"/>; figures read at or before <paramref name="readAfter"/> are never reused (a return
    /// check passes the end of the host's command: figures from before it ran say nothing about what it left).
    /// </summary>
    public async Task<BackPressureVerdict> CheckAsync(IReadOnlyCollection<string> nodes, CancellationToken cancellationToken, DateTimeOffset? readAfter = null)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var now = time.GetUtcNow();
        var stale = nodes.Distinct(StringComparer.Ordinal)
            .Where(n => NextRead(n) <= now || (readAfter is { } after && (!_latest.TryGetValue(n, out var last) || last.At <= after)))
            .ToList();
        var read = await Task.WhenAll(stale.Select(n => probe.ReadAsync(n, limits, cancellationToken))).ConfigureAwait(false);
        foreach (var answer in read)
        {
            var load = answer with { At = now };
            _latest[load.Host] = load;
            _history.Record(load);
            var holds = !BackPressureRules.Check([load.Host], _latest, limits, _history).IsClear;
            _fresh[load.Host] = !holds ? MinPollInterval
                : _fresh.TryGetValue(load.Host, out var last) ? TimeSpan.FromTicks(Math.Min(PollInterval.Ticks, last.Ticks * 2))
                : MinPollInterval;
        }

        return BackPressureRules.Check(nodes, _latest, limits, _history);
    }

    /// <summary>When the figures of <paramref name="nodes"/> will next be read (the earliest of them).</summary>
    public DateTimeOffset NextRead(IEnumerable<string> nodes) =>
        nodes.Select(NextRead).DefaultIfEmpty(time.GetUtcNow()).Min();

    private DateTimeOffset NextRead(string node) =>
        _latest.TryGetValue(node, out var load) ? load.At + _fresh.GetValueOrDefault(node, MinPollInterval) : DateTimeOffset.MinValue;
}
