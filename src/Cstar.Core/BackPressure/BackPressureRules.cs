using System.Collections.Immutable;

namespace Cstar.Core.BackPressure;

/// <summary>
/// The back-pressure rule as a pure function: every node named must have reported, below the compaction
/// limit and (with --no-streaming) with no stream. A node without figures holds the gate: safe by default.
/// </summary>
public static class BackPressureRules
{
    public static BackPressureVerdict Check(IEnumerable<string> nodes, IReadOnlyDictionary<string, NodeLoad> loads, BackPressureLimits limits, LoadHistory history)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(loads);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(history);
        var figures = ImmutableArray.CreateBuilder<string>();
        foreach (var node in nodes.Distinct(StringComparer.Ordinal))
        {
            if (!loads.TryGetValue(node, out var load))
            {
                figures.Add(BackPressureText.Unreadable(node, "not read yet"));
                continue;
            }

            if (load.Error is not null)
            {
                figures.Add(BackPressureText.Unreadable(node, load.Error));
                continue;
            }

            if (limits.MaxPendingCompactions is int limit && (load.PendingCompactions ?? int.MaxValue) >= limit)
            {
                figures.Add(load.PendingCompactions is int pending
                    ? BackPressureText.Compactions(node, pending, limit, history.RatePerHour(node))
                    : BackPressureText.Unreadable(node, "compactionstats showed no pending tasks line"));
            }

            if (limits.NoStreaming && (load.Streams ?? 1) > 0)
            {
                figures.Add(load.Streams is int streams ? BackPressureText.Streams(node, streams) : BackPressureText.Unreadable(node, "netstats showed no stream summary"));
            }
        }

        return figures.Count == 0 ? BackPressureVerdict.Clear : new BackPressureVerdict(figures.ToImmutable());
    }
}
