using Cstar.Core.Scheduling;

namespace Cstar.Core.Tests.Scheduling.Simulation;

/// <summary>
/// A small discrete-event simulation that drives the scheduler like the real runner would: hosts run for
/// random durations, come back after a random delay, other nodes die (and some revive) mid-job. Every
/// decision is checked against the independent <see cref="ConsistencyOracle"/>; violations are collected.
/// </summary>
internal sealed class JobSimulation
{
    private readonly RandomCase _case;
    private readonly Random _random;
    private readonly ConsistencyOracle _oracle;
    private readonly PriorityQueue<Action, (double, int)> _events = new();
    private readonly HashSet<string> _down;
    private readonly Dictionary<string, string> _dcOf;
    private readonly bool _restartShowsDown;
    private int _sequence;
    private double _now;
    private string? _activeDc;
    private readonly HashSet<string> _leftDcs = [];

    public JobSimulation(RandomCase c)
    {
        _case = c;
        _random = new Random(c.Seed * 7919);
        _oracle = new ConsistencyOracle(c);
        _down = [.. c.InitiallyDown];
        _dcOf = c.Topology.AllNodes.ToDictionary(n => n.Address, n => n.Datacenter);
        _restartShowsDown = _random.Next(2) == 0;
        Progress = JobProgress.Create(c.Targets);
    }

    public JobProgress Progress { get; private set; }

    public List<string> Violations { get; } = [];

    public Dictionary<string, int> StartCount { get; } = [];

    public SchedulingDecision? LastDecision { get; private set; }

    public int Decisions { get; private set; }

    public void Run()
    {
        var others = _case.Topology.AllNodes.Select(n => n.Address).Where(a => !_down.Contains(a)).ToList();
        for (var i = _random.Next(3); i > 0 && others.Count > 0; i--)
        {
            var victim = others[_random.Next(others.Count)];
            var at = _random.NextDouble() * 30;
            var revive = _random.Next(2) == 0 ? at + 1 + (_random.NextDouble() * 20) : (double?)null;
            Schedule(at, () => Die(victim, revive));
        }

        Step();
        while (_events.TryDequeue(out var action, out var key) && LastDecision is not SchedulingDecision.Finished)
        {
            _now = key.Item1;
            action();
            Step();
        }
    }

    private void Die(string victim, double? revive)
    {
        if (Progress.States.TryGetValue(victim, out var s) && (s == HostState.Running || Progress.AwaitingReturn.Contains(victim)))
        {
            return; // only nodes the job is not touching die here
        }

        _down.Add(victim);
        if (revive is double at)
        {
            Schedule(at, () => _down.Remove(victim));
        }
    }

    private void Step()
    {
        for (var guard = 0; guard < 1000; guard++)
        {
            var view = new HashSet<string>(_down);
            if (_restartShowsDown)
            {
                view.UnionWith(Progress.InFlight);
            }

            var decision = Scheduler.Decide(ScheduleInput.Create(_case.Context, Progress, view));
            Decisions++;
            LastDecision = decision;
            switch (decision)
            {
                case SchedulingDecision.Start start:
                    OnStart(start);
                    break;
                case SchedulingDecision.Skip skip:
                    foreach (var host in skip.Hosts)
                    {
                        Progress = Progress.WithSkipped(host);
                    }

                    break;
                case SchedulingDecision.Wait when !Progress.InFlight.Any():
                    Violations.Add($"t={_now:F1}: Wait with nothing in flight: {decision.Reason}");
                    return;
                default:
                    return;
            }
        }

        Violations.Add("scheduler did not settle after 1000 decisions");
    }

    private void OnStart(SchedulingDecision.Start start)
    {
        var unavailable = new HashSet<string>(_down);
        unavailable.UnionWith(Progress.InFlight);
        unavailable.UnionWith(start.Hosts);
        var violation = _oracle.FindViolation(start.Hosts, unavailable);
        if (violation is not null)
        {
            Violations.Add($"t={_now:F1}: {violation}");
        }

        if (!_case.Policy.DcParallel)
        {
            CheckDcSerial(start);
        }

        foreach (var host in start.Hosts)
        {
            StartCount[host] = StartCount.GetValueOrDefault(host) + 1;
            Progress = Progress.WithRunning(host);
            var duration = 1 + (_random.NextDouble() * 9);
            var back = _random.NextDouble() * 3;
            Schedule(_now + duration, () =>
            {
                Progress = Progress.WithDone(host);
                Schedule(_now + back, () => Progress = Progress.WithReturned(host));
            });
        }
    }

    private void CheckDcSerial(SchedulingDecision.Start start)
    {
        var dcs = start.Hosts.Select(h => _dcOf[h]).Distinct().ToList();
        var flyingDcs = Progress.InFlight.Select(h => _dcOf[h]).Distinct().ToList();
        if (dcs.Count > 1 || flyingDcs.Any(d => d != dcs[0]))
        {
            Violations.Add($"t={_now:F1}: dc-serial interleaved: starting in [{string.Join(",", dcs)}] while [{string.Join(",", flyingDcs)}] in flight");
            return;
        }

        if (_activeDc != dcs[0])
        {
            if (_activeDc is not null)
            {
                _leftDcs.Add(_activeDc);
            }

            if (_leftDcs.Contains(dcs[0]))
            {
                Violations.Add($"t={_now:F1}: dc-serial went back to {dcs[0]} after leaving it");
            }

            _activeDc = dcs[0];
        }
    }

    private void Schedule(double at, Action action) => _events.Enqueue(action, (at, _sequence++));
}
