using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.Core.Jobs.Events;
using Cstar.Core.Topology;

namespace Cstar.Cli.LiveView;

/// <summary>
/// The state behind the live view, fed by the engine's observer callbacks (one thread), read by the renderer.
/// Placement comes from the ring so hosts are drawn per cluster, DC and rack.
/// </summary>
internal sealed class LiveViewModel(RingTopology topology, IEnumerable<string> targets, DateTimeOffset startedAt)
{
    private readonly HashSet<string> _targets = new(targets, StringComparer.Ordinal);
    private readonly HostOrder _order = HostOrder.Of(topology);
    private readonly Dictionary<string, HostDisplayState> _states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _lastLine = new(StringComparer.Ordinal);

    /// <summary>How a host is named in the running-host lines: its address, or its name under --resolve-hostnames.</summary>
    public Func<string, string> Label { get; init; } = host => host;
    private readonly Dictionary<string, DateTimeOffset> _startedAt = new(StringComparer.Ordinal);
    private readonly List<TimeSpan> _durations = [];

    public RingTopology Topology => topology;

    public DateTimeOffset StartedAt => startedAt;

    public int Wave { get; private set; }

    public string Status { get; private set; } = "starting";

    public bool IsTarget(string host) => _targets.Contains(host);

    public HostDisplayState StateOf(string host) => _states.GetValueOrDefault(host, HostDisplayState.Waiting);

    public string? LastLine(string host) => _lastLine.GetValueOrDefault(host);

    public IEnumerable<string> RunningHosts => _states.Where(kv => kv.Value is HostDisplayState.Running).Select(kv => kv.Key).Order(_order);

    public int Count(HostDisplayState state) => _targets.Count(t => StateOf(t) == state);

    /// <summary>Remaining hosts × the mean time a host took so far, divided by the hosts seen running at once.</summary>
    public TimeSpan? EstimateRemaining()
    {
        if (IsOver)
        {
            return TimeSpan.Zero;
        }

        if (_durations.Count == 0)
        {
            return null;
        }

        var remaining = _targets.Count(t => StateOf(t) is HostDisplayState.Waiting or HostDisplayState.Running or HostDisplayState.ComingBack);
        var mean = TimeSpan.FromTicks((long)_durations.Average(d => d.Ticks));
        var perWave = Math.Max(1, _durations.Count / Math.Max(1, Wave));
        return mean * Math.Ceiling((double)remaining / perWave);
    }

    /// <summary>True once the job's run is over: the status says how it ended and there is nothing left to estimate.</summary>
    public bool IsOver { get; private set; }

    /// <summary>
    /// What earlier runs of the job left (under <c>continue</c>): hosts done, failed or skipped before are drawn so,
    /// and hosts whose command still runs as running, so the counts end equal to the summary's.
    /// </summary>
    public void Seed(IEnumerable<HostRunState> stored)
    {
        foreach (var host in stored.Where(h => _targets.Contains(h.Host) && h.Kind != HostRunStateKind.Pending))
        {
            _states[host.Host] = DisplayOf(host.Kind, awaitingReturn: false);
        }
    }

    /// <summary>The run is over: the last frame shows <paramref name="status"/> (how it ended) and no estimate.</summary>
    public void Finish(string status)
    {
        IsOver = true;
        Status = status;
    }

    private static HostDisplayState DisplayOf(HostRunStateKind kind, bool awaitingReturn) => awaitingReturn ? HostDisplayState.ComingBack : kind switch
    {
        HostRunStateKind.Starting or HostRunStateKind.Running => HostDisplayState.Running,
        HostRunStateKind.Succeeded => HostDisplayState.Done,
        HostRunStateKind.Failed or HostRunStateKind.TimedOut or HostRunStateKind.DidNotComeBack => HostDisplayState.Failed,
        HostRunStateKind.Skipped => HostDisplayState.Skipped,
        _ => HostDisplayState.Waiting,
    };

    public void Apply(HostChangedEvent args)
    {
        var state = DisplayOf(args.State, args.AwaitingReturn);
        if (state == HostDisplayState.Running && StateOf(args.Host) != HostDisplayState.Running)
        {
            _startedAt[args.Host] = args.Time;
        }
        else if (state is HostDisplayState.Done or HostDisplayState.Failed && _startedAt.Remove(args.Host, out var began))
        {
            _durations.Add(args.Time - began);
        }

        _states[args.Host] = state;
    }

    public void Apply(HostOutputEvent args)
    {
        var line = args.Text.TrimEnd('\n').Split('\n')[^1].Trim();
        if (line.Length > 0)
        {
            _lastLine[args.Host] = line.Length > 60 ? line[..60] + "…" : line;
        }
    }

    public void Apply(DecisionEvent args)
    {
        if (args.Decision is Core.Scheduling.SchedulingDecision.Start)
        {
            Wave++;
        }

        Status = args.Decision.Reason;
    }

    public void Apply(HostUnreachableEvent args)
    {
        Status = args.Describe();
        _lastLine[args.Host] = $"unreachable since {args.Unreachable.Since:HH:mm:ss} UTC";
    }

    public void Apply(GateEvent args) => Status = (args.Passed ? "gate passed: " : "gate waiting: ") + args.Status;
}
