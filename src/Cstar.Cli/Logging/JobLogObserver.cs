using Cstar.Core.Jobs;
using Cstar.Core.Jobs.Events;
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
internal sealed class JobLogObserver(ILogger log) : IJobEventSubscriber
{
    private readonly ILogger _shown = log.ForContext(ConsoleLogLevel.ShownProperty, true);
    private readonly Dictionary<string, (HostRunStateKind, bool)> _lastState = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (bool, string)> _lastGate = new(StringComparer.Ordinal);
    private string? _lastDecision;

    public string Name => "the job log";

    public void Handle(JobEvent jobEvent)
    {
        switch (jobEvent)
        {
            case HostChangedEvent e:
                HostChanged(e);
                break;
            case DecisionEvent e:
                DecisionMade(e);
                break;
            case GateEvent e:
                GateChanged(e);
                break;
            case GatePassEvent e:
                GateChanged(e.AsGate());
                break;
            case HostUnreachableEvent e:
                HostUnreachable(e);
                break;
            case SubscriberFailedEvent e:
                SubscriberFailed(e);
                break;
            case JobControlEvent e:
                ControlApplied(e);
                break;

            // A back-pressure wait reaches the log as the gate event published with it (with its figures).
            case BackPressureWaitEvent or BackPressurePassEvent:
                break;

            // Host output is not logged (the job folder keeps it); the job's start and end are logged by JobLog itself.
            case HostOutputEvent or JobStartedEvent or HostStartedEvent or HostFinishedEvent or GateWaitEvent or JobHaltedEvent or JobEndedEvent:
                break;
            default:
                throw new UnhandledJobEventException(Name, jobEvent);
        }
    }

    private void HostChanged(HostChangedEvent args)
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

    private void DecisionMade(DecisionEvent args)
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

    private void GateChanged(GateEvent args)
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

    private void ControlApplied(JobControlEvent args) =>
        _shown.Information("Control {Control} took effect (request {Sequence})", args.Describe(), args.Sequence);

    private void HostUnreachable(HostUnreachableEvent args) =>
        _shown.Warning("Host {Host} unreachable: {Unreachable}", args.Host, args.Describe());

    /// <summary>Not shown by any view: a warning on stderr too (at every verbosity) and in the log file.</summary>
    private void SubscriberFailed(SubscriberFailedEvent args) =>
        log.Warning("{Subscriber} failed on a {EventType} event and gets no more events of this run; the job goes on: {Error}", args.Subscriber, args.FailedOn, args.Error);

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
