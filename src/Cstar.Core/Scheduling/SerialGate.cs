namespace Cstar.Core.Scheduling;

/// <summary>
/// Cluster-serial and dc-serial: which cluster and which DC of each cluster may start hosts now. A DC (or
/// cluster) with hosts in flight stays the active one; otherwise the first one in order with pending hosts
/// becomes active. So a DC is finished (its hosts done and back) before the next one starts.
/// </summary>
internal sealed class SerialGate
{
    private readonly SchedulingContext _context;
    private readonly HashSet<ClusterIndex> _activeClusters = [];
    private readonly HashSet<(ClusterIndex, int)> _activeDcs = [];

    public SerialGate(SchedulingContext context, IReadOnlyList<string> inFlight, IReadOnlyList<string> orderedPending)
    {
        _context = context;
        foreach (var host in inFlight)
        {
            if (context.TryLocate(host, out var cluster, out var node))
            {
                _activeClusters.Add(cluster);
                _activeDcs.Add((cluster, cluster.DcOf[node]));
            }
        }

        var clustersWithFlight = _activeClusters.ToHashSet();
        foreach (var host in orderedPending)
        {
            if (!context.TryLocate(host, out var cluster, out var node))
            {
                continue;
            }

            if (_activeClusters.Count == 0 || (context.Policy.ClusterParallel && !_activeClusters.Contains(cluster)))
            {
                _activeClusters.Add(cluster);
            }

            if (_activeClusters.Contains(cluster) && !clustersWithFlight.Contains(cluster)
                && (context.Policy.DcParallel || !_activeDcs.Any(d => d.Item1 == cluster)))
            {
                _activeDcs.Add((cluster, cluster.DcOf[node]));
            }
        }
    }

    public BlockedHost? Hold(string host)
    {
        if (!_context.TryLocate(host, out var cluster, out var node))
        {
            return null;
        }

        if (!_activeClusters.Contains(cluster))
        {
            return new BlockedHost(host, WaveLimit.ClusterSerial, $"cluster-serial: cluster {cluster.Name} waits for the cluster in progress to finish");
        }

        if (!_context.Policy.DcParallel && !_activeDcs.Contains((cluster, cluster.DcOf[node])))
        {
            return new BlockedHost(host, WaveLimit.DcSerial, $"dc-serial: DC {cluster.DcNames[cluster.DcOf[node]]} waits for the DC in progress to finish");
        }

        return null;
    }
}
