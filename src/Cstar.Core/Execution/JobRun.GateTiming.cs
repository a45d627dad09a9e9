using Cstar.Core.Health;
using Cstar.Core.Scheduling;

namespace Cstar.Core.Execution;

/// <summary>
/// When the gate reads next. Hosts that end together share one read: a host whose command ended is read at once only
/// when that answer could matter now, that is when no other command still runs (nobody can end and share the read:
/// the last host of a wave or of an `all` job, every host under `one`) or when its return would let the scheduler
/// start a host. Otherwise its first read waits, at most <see cref="CoalescingWindow"/> after the first unread host
/// ended, for the hosts still running to end and share it. A wave's end and a job's end are never later for it (their
/// last host is read at once), only hosts whose answer nothing waits for are read later, and by at most one read's
/// time. Under `all` on a quiet loopback cluster this took the gate from about one nodetool call per host to a
/// fraction; with real nodetool latency it also ends waves sooner (the slots no longer go to the first hosts alone).
/// </summary>
internal sealed partial class JobRun
{
    private static readonly TimeSpan MinCoalescingWindow = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxCoalescingWindow = TimeSpan.FromSeconds(2);
    private readonly Dictionary<int, DateTimeOffset> _gateReadStarted = [];
    private TimeSpan _lastGateReadTook;
    private (JobProgress Progress, string Unread, IReadOnlyList<RingView> Views, bool Matters)? _returnMatters;

    /// <summary>
    /// How long a host's first read may wait for others to share it: as long as the last gate read that asked peers
    /// took (tied to the nodetool latency observed: a host then learns its return at most one read later), between
    /// 0.25 s and 2 s.
    /// </summary>
    private TimeSpan CoalescingWindow => _lastGateReadTook < MinCoalescingWindow ? MinCoalescingWindow
        : _lastGateReadTook > MaxCoalescingWindow ? MaxCoalescingWindow : _lastGateReadTook;

    /// <summary>
    /// The earlier of the unread hosts' first read (see the type's summary) and the back-off schedule of the hosts
    /// already read and not covered by a read in flight (and of a node down elsewhere). A due time is a fixed instant
    /// (<see cref="DateTimeOffset.MinValue"/> for "now"), never a second reading of the clock.
    /// </summary>
    private DateTimeOffset NextGateRead
    {
        get
        {
            var backingOff = _foreignDownSince is not null
                || _awaiting.Keys.Any(h => !_notYetRead.Contains(h) && !_gateReadsInFlight.Values.Any(covered => covered.Contains(h)));
            var backOff = backingOff ? _polls.Next : DateTimeOffset.MaxValue;
            var unread = _awaiting.Keys.Where(_notYetRead.Contains).ToList();
            if (unread.Count == 0)
            {
                return backOff;
            }

            var first = _tasks.Count == 0 || ReturnWouldStartHosts(unread)
                ? DateTimeOffset.MinValue
                : unread.Min(h => _awaiting[h].Since) + CoalescingWindow;
            return first < backOff ? first : backOff;
        }
    }

    /// <summary>
    /// Would the scheduler start a host if the unread hosts were back? Then their read is not held for others (the
    /// next start waits on it). Cached until the progress, the unread hosts or the views change.
    /// </summary>
    private bool ReturnWouldStartHosts(List<string> unread)
    {
        var key = string.Join(',', unread);
        if (_returnMatters is { } cached && ReferenceEquals(cached.Progress, _progress) && cached.Unread == key && ReferenceEquals(cached.Views, _views))
        {
            return cached.Matters;
        }

        var back = unread.Where(h => _progress.StateOf(h) == HostState.Running)
            .Aggregate(_progress, (progress, host) => progress.WithDone(host).WithReturned(host));
        var down = HealthRules.UnavailableNodes(_views).Except(unread);
        var matters = Scheduler.Decide(ScheduleInput.Create(_request.Context, back, down)) is SchedulingDecision.Start;
        _returnMatters = (_progress, key, _views, matters);
        return matters;
    }
}
