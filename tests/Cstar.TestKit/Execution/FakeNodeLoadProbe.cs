using System.Collections.Concurrent;
using Cstar.Core.BackPressure;
using Cstar.Core.Ports;

namespace Cstar.TestKit.Execution;

/// <summary>
/// Node loads from dictionaries: <see cref="Pending"/> compactions (0 when absent), <see cref="Streams"/> (0 when
/// absent), and the nodes in <see cref="Unreadable"/> fail. <see cref="OnRead"/> runs before each read (e.g. to let
/// the figures fall); every read is counted per node.
/// </summary>
public sealed class FakeNodeLoadProbe(TimeProvider time) : INodeLoadProbe
{
    public ConcurrentDictionary<string, int> Pending { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, int> Streams { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, string> Unreadable { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, int> Reads { get; } = new(StringComparer.Ordinal);

    public Action<string>? OnRead { get; set; }

    public Task<NodeLoad> ReadAsync(string host, BackPressureLimits limits, CancellationToken cancellationToken)
    {
        OnRead?.Invoke(host);
        Reads.AddOrUpdate(host, 1, (_, n) => n + 1);
        var now = time.GetUtcNow();
        if (Unreadable.TryGetValue(host, out var why))
        {
            return Task.FromResult(NodeLoad.Unreadable(host, now, why));
        }

        return Task.FromResult(new NodeLoad(
            host,
            now,
            limits.MaxPendingCompactions is null ? null : Pending.GetValueOrDefault(host),
            limits.NoStreaming ? Streams.GetValueOrDefault(host) : null));
    }
}
