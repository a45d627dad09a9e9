using System.Collections.Immutable;
using Cstar.Core.Errors;
using Cstar.Core.Execution;
using Cstar.Core.Health;
using Cstar.Core.Ports;
using Cstar.Core.Topology;
using Cstar.Ring.Status;

namespace Cstar.Ring.Health;

/// <summary>
/// The gate's eyes: <c>nodetool status</c> on up to three peers at once (never a host in flight), each parsed into a
/// <see cref="RingView"/>. A peer that cannot be reached or answers something unparseable is replaced by the next
/// candidate; peers that answered last time are asked first. A gate poll may stop at its first quorum (the
/// caller's stop condition): the peers still being read are dropped, not counted as failed. CQL readiness is delegated (the CLI passes the
/// transport's CqlReadinessProbe), so this project stays free of sockets.
/// </summary>
public sealed partial class NodetoolRingHealthProbe(
    ICommandTransport transport,
    RingHealthProbeOptions options,
    string clusterName,
    IReadOnlyList<string> peers,
    Func<string, CancellationToken, Task<CqlCheck>>? cqlCheck = null) : IRingHealthProbe
{
    private readonly Lock _gate = new();
    private ImmutableArray<string> _order = [.. peers];
    private readonly Dictionary<string, int> _reading = new(StringComparer.Ordinal);

    /// <summary>nodetool commands sent so far.</summary>
    public int CommandsSent { get; private set; }

    public Task<IReadOnlyList<RingView>> ReadViewsAsync(IReadOnlySet<string> avoid, CancellationToken cancellationToken) =>
        ReadAsync(avoid, ImmutableHashSet<string>.Empty, null, cancellationToken);

    /// <summary>
    /// A majority of <see cref="RingHealthProbeOptions.PeersPerRead"/> peers first (2 of 3: one JVM fewer on the peers),
    /// the others only when their answers do not settle <paramref name="enough"/>; stops, dropping the reads still
    /// running, as soon as it holds.
    /// </summary>
    public Task<IReadOnlyList<RingView>> ReadViewsAsync(IReadOnlySet<string> avoid, IReadOnlySet<string> judged, Func<IReadOnlyList<RingView>, int, bool> enough, CancellationToken cancellationToken) =>
        ReadAsync(avoid, judged, enough ?? throw new ArgumentNullException(nameof(enough)), cancellationToken);

    private async Task<IReadOnlyList<RingView>> ReadAsync(IReadOnlySet<string> avoid, IReadOnlySet<string> judged, Func<IReadOnlyList<RingView>, int, bool>? enough, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(avoid);
        ArgumentNullException.ThrowIfNull(judged);
        var candidates = new Queue<string>(Candidates(avoid, judged));
        if (enough is not null && judged.Count > 0 && judged.All(host => candidates.All(p => string.Equals(p, host, StringComparison.Ordinal))))
        {
            // Only the judged host itself can be read (its peers still run their command): its own view never counts for
            // it, and a node just restarted may still see the others down. No JVM is started for a read that settles nothing.
            return [];
        }

        var views = new List<RingView>();
        var failed = new List<string>();
        using var dropped = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = new Dictionary<Task<RingView?>, string>();
        var wanted = enough is null ? options.PeersPerRead : FirstBatch([.. candidates], judged, options.PeersPerRead);
        void Ask()
        {
            while (views.Count + running.Count < wanted && candidates.Count > 0)
            {
                var peer = candidates.Dequeue();
                running[ReadOneAsync(peer, dropped.Token)] = peer;
            }
        }

        Ask();
        while (running.Count > 0)
        {
            var done = await Task.WhenAny(running.Keys).ConfigureAwait(false);
            var peer = running[done];
            running.Remove(done);
            if (await done.ConfigureAwait(false) is { } view)
            {
                views.Add(view);
            }
            else
            {
                failed.Add(peer);
            }

            Ask();
            if (enough is null)
            {
                continue;
            }

            // Answers that may still come: the reads running, and the peers held back until the first ones disagree.
            var unasked = Math.Min(candidates.Count, options.PeersPerRead - wanted);
            if (enough(views, running.Count + unasked))
            {
                // The first quorum decided the gate: the slower peers are not waited for (their calls are killed).
                await dropped.CancelAsync().ConfigureAwait(false);
                await Task.WhenAll(running.Keys).ConfigureAwait(false);
                break;
            }

            if (running.Count == 0 && unasked > 0)
            {
                // The majority asked first did not settle it (a peer failed or does not see the host UN): ask the others.
                wanted = options.PeersPerRead;
                Ask();
            }
        }

        lock (_gate)
        {
            _order = [.. _order.Except(failed, StringComparer.Ordinal), .. failed];
        }

        cancellationToken.ThrowIfCancellationRequested();
        return views;
    }

    /// <summary>
    /// The peers a read asks, in order. A judged host's own view never counts for itself: the other peers first (stable
    /// order otherwise). Peers another read is asking right now come after the others (gate reads run beside each
    /// other): one JVM at a time per peer.
    /// </summary>
    private List<string> Candidates(IReadOnlySet<string> avoid, IReadOnlySet<string> judged)
    {
        ImmutableArray<string> order;
        lock (_gate)
        {
            order = _order;
        }

        return [.. order.Where(p => !avoid.Contains(p)).OrderBy(judged.Contains).ThenBy(Busy)];
    }

    /// <summary>
    /// How many peers a gate read asks at once: a majority of <paramref name="peersPerRead"/>, unless that first batch
    /// could not settle every judged host even if all of them answer UN (a judged host's own view does not count for
    /// itself, and the peers not asked yet count against it). Under all on a small ring every peer is judged: two answers
    /// then never settle it, and asking the third only after them cost a second nodetool round.
    /// </summary>
    internal static int FirstBatch(IReadOnlyList<string> candidates, IReadOnlySet<string> judged, int peersPerRead)
    {
        var total = Math.Min(peersPerRead, candidates.Count);
        for (var batch = (peersPerRead / 2) + 1; batch < total; batch++)
        {
            var asked = candidates.Take(batch).ToList();
            var unasked = Math.Min(candidates.Count - batch, peersPerRead - batch);
            if (judged.All(host => SettledIfAllUp(asked.Count(p => !string.Equals(p, host, StringComparison.Ordinal)), unasked)))
            {
                return batch;
            }
        }

        return peersPerRead;
    }

    /// <summary>GateQuorum's rule when every peer read sees the host UN and the unasked ones count against it.</summary>
    private static bool SettledIfAllUp(int peersRead, int unasked) => GateQuorum.IsMajority(peersRead, peersRead + unasked);

    public Task<CqlCheck> CheckCqlAsync(string host, CancellationToken cancellationToken) =>
        cqlCheck?.Invoke(host, cancellationToken) ?? Task.FromResult(new CqlCheck(false, "no CQL probe configured"));

    private bool Busy(string peer)
    {
        lock (_gate)
        {
            return _reading.GetValueOrDefault(peer) > 0;
        }
    }

    private Task<RingView?> ReadOneAsync(string peer, CancellationToken cancellationToken) =>
        AskAsync(peer, "status", text => RingView.Of(peer, StatusParser.Parse(text).Entries.Select(e => new Node(
            e.Address, clusterName, e.Datacenter, e.Rack, e.Status ?? NodeStatus.Down, e.State, e.HostId, e.Load, e.Tokens))), cancellationToken);

    /// <summary>One nodetool call on <paramref name="peer"/>, parsed; null when it failed, timed out or could not be understood.</summary>
    private async Task<T?> AskAsync<T>(string peer, string command, Func<string, T> parse, CancellationToken cancellationToken)
        where T : class
    {
        lock (_gate)
        {
            CommandsSent++;
            _reading[peer] = _reading.GetValueOrDefault(peer) + 1;
        }

        try
        {
            var result = await transport.RunAsync(peer, options.NodetoolArgv(command), options.CommandTimeout, cancellationToken).ConfigureAwait(false);
            return result.Succeeded ? parse(result.StandardOutput) : null;
        }
        catch (Exception e) when (e is TransportException or CstarException || (e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            return null;
        }
        finally
        {
            lock (_gate)
            {
                _reading[peer]--;
            }
        }
    }
}
