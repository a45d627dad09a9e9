using System.Collections.Concurrent;
using System.Collections.Immutable;
using Cstar.Core.Execution;
using Cstar.Core.Health;
using Cstar.Core.Ports;
using Cstar.Core.Topology;
using Cstar.TestKit.Rings;

namespace Cstar.TestKit.Execution;

/// <summary>
/// Ring views built from a node list: every node UN except those in <see cref="Down"/> (seen DN by every
/// viewer). Views come from up to three nodes not avoided, as the real probe reads them. Counts reads.
/// </summary>
public sealed class FakeRingHealthProbe(IReadOnlyList<Node> nodes) : IRingHealthProbe
{
    private int _reads;

    public ConcurrentDictionary<string, byte> Down { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, byte> CqlNotReady { get; } = new(StringComparer.Ordinal);

    /// <summary>Node → the one viewer that still sees it DN (a slow gossip peer); every other viewer sees it as usual.</summary>
    public ConcurrentDictionary<string, string> SeenDownOnlyBy { get; } = new(StringComparer.Ordinal);

    /// <summary>Called on every read, e.g. to let a host come back after a few polls.</summary>
    public Action<int>? OnRead { get; set; }

    public int Reads => _reads;

    /// <summary>Viewers whose read never answers until it is dropped or cancelled (a slow peer): a read that waits for every peer hangs.</summary>
    public ConcurrentDictionary<string, byte> Silent { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<IReadOnlySet<string>> Avoided { get; } = new();

    /// <summary>Read number → the read answers (with the views it saw when it began) only once this completes: a slow read in flight.</summary>
    public ConcurrentDictionary<int, TaskCompletionSource> HeldReads { get; } = new();

    public Task<IReadOnlyList<RingView>> ReadViewsAsync(IReadOnlySet<string> avoid, CancellationToken cancellationToken) =>
        ReadViewsAsync(avoid, new HashSet<string>(), (_, _) => false, cancellationToken);

    /// <summary>The answering viewers' views; returns without the silent ones only when <paramref name="enough"/> holds for them.</summary>
    public async Task<IReadOnlyList<RingView>> ReadViewsAsync(IReadOnlySet<string> avoid, IReadOnlySet<string> judged, Func<IReadOnlyList<RingView>, int, bool> enough, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enough);
        var n = Interlocked.Increment(ref _reads);
        OnRead?.Invoke(n);
        Avoided.Enqueue(avoid);
        var seen = nodes.Select(node => Down.ContainsKey(node.Address) ? TestNodes.WithCode(node, "DN") : node).ToImmutableArray();
        var viewers = nodes.Where(v => !avoid.Contains(v.Address) && !Down.ContainsKey(v.Address)).Take(3).ToList();
        IReadOnlyList<RingView> views = [.. viewers.Where(v => !Silent.ContainsKey(v.Address)).Select(v => RingView.Of(v.Address, SeenBy(v.Address, seen)))];
        if (HeldReads.TryGetValue(n, out var held))
        {
            await held.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        var pending = viewers.Count - views.Count;
        if (pending > 0 && !enough(views, pending))
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        }

        return views;
    }

    /// <summary>The schema version every node reports in describecluster unless <see cref="SchemaOf"/> says otherwise.</summary>
    public const string AgreedSchema = "db81f5d7-d91e-3347-a9bc-86f0a6ad8c8c";

    /// <summary>Node → the schema version describecluster reports for it (a split schema); down nodes are UNREACHABLE.</summary>
    public ConcurrentDictionary<string, string> SchemaOf { get; } = new(StringComparer.Ordinal);

    /// <summary>Every describecluster fails: the views carry no schema versions.</summary>
    public bool DescribeclusterFails { get; set; }

    public int SchemaReads => _schemaReads;

    private int _schemaReads;

    /// <summary>A read of every peer, the first view with describecluster's schema versions (as the real probe gives them).</summary>
    public async Task<IReadOnlyList<RingView>> ReadViewsWithSchemaAsync(IReadOnlySet<string> avoid, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _schemaReads);
        var views = await ReadViewsAsync(avoid, cancellationToken).ConfigureAwait(false);
        if (DescribeclusterFails || views.Count == 0)
        {
            return views;
        }

        var schema = nodes.GroupBy(n => Down.ContainsKey(n.Address) ? RingView.Unreachable : SchemaOf.GetValueOrDefault(n.Address, AgreedSchema), StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.Select(n => n.Address).ToImmutableArray(), StringComparer.Ordinal);
        return [views[0] with { SchemaVersions = schema }, .. views.Skip(1)];
    }

    private ImmutableArray<Node> SeenBy(string viewer, ImmutableArray<Node> seen) =>
        [.. seen.Select(n => SeenDownOnlyBy.TryGetValue(n.Address, out var slow) && string.Equals(slow, viewer, StringComparison.Ordinal) ? TestNodes.WithCode(n, "DN") : n)];

    public Task<CqlCheck> CheckCqlAsync(string host, CancellationToken cancellationToken) =>
        Task.FromResult(CqlNotReady.ContainsKey(host) ? new CqlCheck(false, "connection refused") : new CqlCheck(true, "SUPPORTED"));
}
