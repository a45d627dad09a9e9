using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.Core.Ports;
using Cstar.Core.Scheduling;
using Serilog;
using Serilog.Events;

namespace Cstar.Cli.Logging;

/// <summary>
/// The engine's events as log lines: every host transition, each decision (a Wait or Blocked only when its reason
/// changes, so a long wait is one line), every gate change. Host output is not logged: the job folder keeps it.
/// What the console view prints anyway is marked <see cref="ConsoleLogLevel.ShownProperty"/>.
/// </summary>
internal sealed class JobLogObserver(ILogger log) : IJobObserver
{
    private readonly ILogger _shown = log.ForContext(ConsoleLogLevel.ShownProperty, true);
    private readonly Dictionary<string, (HostRunStateKind, bool)> _lastState = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (bool, string)> _lastGate = new(StringComparer.Ordinal);
    private string? _lastDecision;

    public void HostChanged(HostChangedArgs args)
    {
        if (_lastState.TryGetValue(args.Host, out var last) && last == (args.State, args.AwaitingReturn))
        {
            return;
        }

        _lastState[args.Host] = (args.State, args.AwaitingReturn);
        var level = args.State is HostRunStateKind.Failed or HostRunStateKind.TimedOut or HostRunStateKind.DidNotComeBack
            ? LogEventLevel.Warning
            : LogEventLevel.Information;
        var what = args.AwaitingReturn ? "command-ended-awaiting-return" : args.State.ToString();
        _shown.Write(level, "Host {Host} {Transition} pid={Pid} exit={ExitCode} reason={Reason}", args.Host, what, args.Pid, args.ExitCode, args.Reason);
    }

    public void OutputReceived(HostOutputArgs args)
    {
    }

    public void DecisionMade(DecisionArgs args)
    {
        var decision = args.Decision;
        if (decision is SchedulingDecision.Start start)
        {
            _lastDecision = null;
            log.Debug("Decision Start {Hosts}: {Reason}", start.Hosts, start.Reason);
            return;
        }

        var key = decision.GetType().Name + ": " + decision.Reason;
        if (key == _lastDecision)
        {
            return;
        }

        _lastDecision = key;
        switch (decision)
        {
            case SchedulingDecision.Wait wait:
                _shown.Information("Decision Wait: {Reason} held={Held}", wait.Reason, Describe(wait.Held));
                break;
            case SchedulingDecision.Blocked blocked:
                _shown.Warning("Decision Blocked: {Reason} hosts={Blocked}", blocked.Reason, Describe(blocked.Hosts));
                break;
            case SchedulingDecision.Skip skip:
                _shown.Information("Decision Skip {Hosts}: {Reason}", skip.Hosts, skip.Reason);
                break;
            default:
                _shown.Information("Decision {Decision}: {Reason}", decision.GetType().Name, decision.Reason);
                break;
        }
    }

    public void GateChanged(GateArgs args)
    {
        var target = args.Host ?? "ring";
        if (_lastGate.TryGetValue(target, out var last) && last == (args.Passed, args.Status))
        {
            return;
        }

        _lastGate[target] = (args.Passed, args.Status);
        _shown.Debug(
            "Gate {Target} {GateState} after {WaitedSeconds}s: {Status}",
            target, args.Passed ? "passed" : "waiting", Math.Round(args.Waited.TotalSeconds, 1), args.Status);
    }

    public void ControlApplied(ControlArgs args) =>
        _shown.Information("Control {Control} took effect (request {Sequence}); paused={Paused}", args.Control.Describe(), args.Control.Sequence, args.Settings.Paused);

    public void HostUnreachable(HostUnreachableArgs args) =>
        _shown.Warning("Host {Host} unreachable: {Unreachable}", args.Host, args.Describe());

    /// <summary>The first hosts held back and why (a thousand-host wait stays one readable line).</summary>
    private static string Describe(IReadOnlyCollection<BlockedHost> hosts)
    {
        const int shown = 10;
        var text = string.Join("; ", hosts.Take(shown).Select(h => h.Address + ": " + h.Reason));
        return hosts.Count switch
        {
            0 => "none",
            > shown => $"{text}; and {hosts.Count - shown} more",
            _ => text,
        };
    }
}
