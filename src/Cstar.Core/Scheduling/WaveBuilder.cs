using System.Collections.Immutable;
using System.Globalization;

namespace Cstar.Core.Scheduling;

/// <summary>
/// Mutable scratch state of one decision (never escapes <see cref="Scheduler.Decide"/>): how many replicas of
/// each requirement are unavailable (down or in flight), which replica groups and racks are busy, and the
/// in-flight counts. <see cref="TryAdmit"/> checks every rule for one candidate and, if it passes, counts it in.
/// </summary>
internal sealed class WaveBuilder : IDisposable
{
    private readonly SchedulingContext _context;
    private readonly SchedulingPolicy _policy;
    private readonly HashSet<string> _down;
    private readonly HashSet<string> _inFlight;
    private readonly Dictionary<ClusterIndex, ClusterScratch> _scratch = [];
    private readonly int _startedBefore;
    private int _totalInFlight;

    public WaveBuilder(SchedulingContext context, ScheduleInput input)
    {
        _context = context;
        _policy = context.Policy;
        _down = new HashSet<string>(input.DownNodes, StringComparer.Ordinal);
        _inFlight = new HashSet<string>(input.Progress.InFlight, StringComparer.Ordinal);
        _startedBefore = input.Progress.StartedCount;
        foreach (var address in _down.Union(_inFlight))
        {
            if (context.TryLocate(address, out var cluster, out var node))
            {
                var scratch = Scratch(cluster);
                MarkUnavailable(cluster, scratch, node);
                if (_inFlight.Contains(address))
                {
                    MarkInFlight(cluster, scratch, node);
                }
            }
        }
    }

    public ImmutableArray<string>.Builder Admitted { get; } = ImmutableArray.CreateBuilder<string>();

    public BlockedHost? TryAdmit(string address)
    {
        if (!_context.TryLocate(address, out var cluster, out var node))
        {
            return new BlockedHost(address, WaveLimit.HostDown, "host is not in the ring view");
        }

        var s = Scratch(cluster);
        var dc = cluster.DcOf[node];
        var dcName = cluster.DcNames[dc];
        if (_policy.StopAfter is int stop && _startedBefore + Admitted.Count >= stop)
        {
            return new BlockedHost(address, WaveLimit.StopAfter, $"stop-after {Text(stop)} reached");
        }

        if (_policy.MaxConcurrency is int max && _totalInFlight >= max)
        {
            return new BlockedHost(address, WaveLimit.MaxConcurrency, $"max-concurrency {Text(max)} reached");
        }

        if (_policy.MaxConcurrencyPerDc is int perDc && s.InFlightPerDc[dc] >= perDc)
        {
            return new BlockedHost(address, WaveLimit.MaxConcurrencyPerDc, $"max-concurrency-per-dc {Text(perDc)} reached in DC {dcName}");
        }

        if (_down.Contains(address))
        {
            return new BlockedHost(address, WaveLimit.HostDown, "host is down in the latest ring view (use --ignore-down-nodes to skip it)", BlockingNodes: [address]);
        }

        if (_policy.Strategy == SchedulingStrategy.One && s.InFlightPerDc[dc] > 0)
        {
            return new BlockedHost(address, WaveLimit.Strategy, $"strategy one: DC {dcName} already has a host in flight");
        }

        if (_policy.Strategy == SchedulingStrategy.Rack && s.RackInFlight[dc] is { } rack && !string.Equals(rack, cluster.RackOf[node], StringComparison.Ordinal))
        {
            return new BlockedHost(address, WaveLimit.Strategy, $"strategy rack: rack {rack} of DC {dcName} is in flight");
        }

        if (s.BusyBy[node] is var g and >= 0)
        {
            var friends = cluster.GroupMembers[g].Select(m => cluster.Addresses[m]).Where(_inFlight.Contains).ToImmutableArray();
            return new BlockedHost(address, WaveLimit.TopologyConflict, $"strategy topology: shares a token range with {string.Join(", ", friends)} in flight", BlockingNodes: friends);
        }

        if (s.TightBy[node] is var c and >= 0)
        {
            return ConsistencyBlock(cluster, s, c, address);
        }

        MarkUnavailable(cluster, s, node);
        _inFlight.Add(address);
        MarkInFlight(cluster, s, node);
        Admitted.Add(address);
        return null;
    }

    private BlockedHost ConsistencyBlock(ClusterIndex cluster, ClusterScratch s, int c, string address)
    {
        var origin = cluster.ConstraintOrigins[c];
        var members = cluster.ConstraintMembers[c];
        var downOnes = members.Select(m => cluster.Addresses[m]).Where(_down.Contains).ToList();
        var flying = members.Select(m => cluster.Addresses[m]).Where(a => _inFlight.Contains(a) && !_down.Contains(a)).ToList();
        var parts = downOnes.Select(a => a + " (down)").Concat(flying.Select(a => a + " (in flight)"));
        var live = members.Length - s.Unavailable[c];
        var reason = $"keyspace {origin.Keyspace} range {origin.RangeText} keeps {origin.Level} in {origin.Scope}: needs {Text(cluster.ConstraintNeed[c])} of {Text(members.Length)} replicas live, {Text(live)} live now; unavailable: {string.Join(", ", parts)}";
        return new BlockedHost(address, WaveLimit.Consistency, reason, origin.Keyspace, origin.RangeText, [.. downOnes.Concat(flying)]);
    }

    private void MarkInFlight(ClusterIndex cluster, ClusterScratch s, int node)
    {
        _totalInFlight++;
        var dc = cluster.DcOf[node];
        s.InFlightPerDc[dc]++;
        s.RackInFlight[dc] ??= cluster.RackOf[node];
        foreach (var g in cluster.HostGroups[node])
        {
            if (!s.GroupBusy[g])
            {
                s.GroupBusy[g] = true;
                foreach (var m in cluster.GroupMembers[g])
                {
                    if (s.BusyBy[m] < 0)
                    {
                        s.BusyBy[m] = g;
                    }
                }
            }
        }
    }

    /// <summary>
    /// Counts the node out of every requirement it is in; a requirement left with no room (live ≤ need) marks
    /// its other members as blocked by it. Requirements only get tighter during a decision, so the first
    /// blocking requirement per node is enough and a candidate check is O(1).
    /// </summary>
    private static void MarkUnavailable(ClusterIndex cluster, ClusterScratch s, int node)
    {
        foreach (var c in cluster.HostConstraints[node])
        {
            var members = cluster.ConstraintMembers[c];
            if (members.Length - ++s.Unavailable[c] <= cluster.ConstraintNeed[c])
            {
                foreach (var m in members)
                {
                    if (s.TightBy[m] < 0)
                    {
                        s.TightBy[m] = c;
                    }
                }
            }
        }
    }

    /// <summary>Hands the scratch arrays back to their index for the next decision (they are megabytes on big rings).</summary>
    public void Dispose()
    {
        foreach (var (cluster, scratch) in _scratch)
        {
            scratch.Reset();
            cluster.ReturnScratch(scratch);
        }

        _scratch.Clear();
    }

    private ClusterScratch Scratch(ClusterIndex cluster)
    {
        if (!_scratch.TryGetValue(cluster, out var s))
        {
            s = cluster.RentScratch() ?? new ClusterScratch(cluster);
            _scratch[cluster] = s;
        }

        return s;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
