using System.Globalization;
using Cstar.Core.Commands;
using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.Core.Jobs.Events;
using Cstar.Core.Ports;
using Cstar.Core.Scheduling;
using Cstar.Core.Topology;

namespace Cstar.Cli.Jobs;

/// <summary>
/// The plain view: one line per event an operator needs (a wave and its hosts, a host's start, its end with exit and
/// duration, its return, a wait when its reason changes), safe for pipes, cron, CI and TERM=dumb. --ip-label streams every
/// output line prefixed with its host (in linear time, see <see cref="LineSplitter"/>: a line longer than 64 K
/// characters is printed in pieces); -v prints each host's output when it finishes (its first and last 32 K
/// characters when longer, saying so and where the full output is: <paramref name="hostFolder"/> gives it per host).
/// </summary>
internal sealed class PlainConsoleObserver(
    TextWriter output, bool ipLabel, int verbose, TimeProvider time, HostOrder order, Func<string, string>? hostFolder = null, Func<string, string>? label = null) : IJobEventSubscriber
{
    private readonly Dictionary<string, VerboseOutputBuffer> _buffers = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Host, OutputStreamKind Stream), LineSplitter> _lines = [];
    private readonly Dictionary<string, (HostRunStateKind, bool)> _lastState = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _startedAt = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _gateKind = new(StringComparer.Ordinal);
    private string? _lastDecision;
    private string? _lastRingKind;
    private string? _lastRingStatus;
    private int _wave;
    private bool _ringSeen;

    public string Name => "the console view";

    public void Handle(JobEvent jobEvent)
    {
        switch (jobEvent)
        {
            case HostChangedEvent e:
                HostChanged(e);
                break;
            case HostOutputEvent e:
                OutputReceived(e);
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
            case JobControlEvent e:
                ControlApplied(e);
                break;

            // A back-pressure wait is shown through the gate event published with it (with its figures).
            case BackPressureWaitEvent or BackPressurePassEvent:
                break;
            case JobStartedEvent or HostStartedEvent or HostFinishedEvent or GateWaitEvent or JobHaltedEvent or JobEndedEvent or SubscriberFailedEvent:
                break;
            default:
                throw new UnhandledJobEventException(Name, jobEvent);
        }
    }

    public async Task JobStartingAsync(JobDefinition definition, JobSetup setup, bool resume)
    {
        await output.WriteLineAsync($"Job id is {definition.JobId}{(resume ? " (continuing)" : string.Empty)}");
        await output.WriteLineAsync($"Command: {definition.CommandName}; {setup.Targets.Length} target host(s) in {string.Join(", ", setup.Topology.Clusters.Select(c => c.Name))}");
        await output.WriteLineAsync($"Strategy: {SchedulingText.Of(setup.Context.Policy, setup.Targets)}");
        if (!definition.HostVariables.IsEmpty)
        {
            await output.WriteLineAsync($"Host variables: values for {definition.HostVariables.Hosts.Count} host(s), stored with the job");
        }

        foreach (var line in setup.Context.KeyspacePolicyLines)
        {
            await output.WriteLineAsync(line);
        }

        foreach (var warning in setup.Context.Warnings)
        {
            await output.WriteLineAsync("warning: " + warning);
        }
    }

    private void HostChanged(HostChangedEvent args)
    {
        if (_lastState.TryGetValue(args.Host, out var last) && last == (args.State, args.AwaitingReturn))
        {
            return;
        }

        _lastState[args.Host] = (args.State, args.AwaitingReturn);
        if (args.State == HostRunStateKind.Starting || (args.State == HostRunStateKind.Running && !args.AwaitingReturn && !_startedAt.ContainsKey(args.Host)))
        {
            _startedAt.TryAdd(args.Host, args.Time);
        }

        var ended = args.AwaitingReturn || args.State is HostRunStateKind.Failed or HostRunStateKind.TimedOut;
        if (ended)
        {
            FlushPartialLines(args.Host);
        }

        if (PlainHostText.Describe(args, _startedAt.TryGetValue(args.Host, out var began) ? args.Time - began : null) is { } text)
        {
            Line($"{Shown(args.Host)} {text}");
        }

        if (verbose > 0 && ended && _buffers.Remove(args.Host, out var buffered) && !buffered.IsEmpty)
        {
            // A last line without its newline must not swallow the next event's line: Render ends with one.
            output.Write(buffered.Render(hostFolder?.Invoke(args.Host) ?? args.Host));
            output.Flush();
        }
    }

    private void OutputReceived(HostOutputEvent args)
    {
        if (verbose > 0 && !ipLabel)
        {
            var buffer = _buffers.TryGetValue(args.Host, out var b) ? b : _buffers[args.Host] = new VerboseOutputBuffer();
            buffer.Append(args.Text);
        }

        if (!ipLabel)
        {
            return;
        }

        // Per host and stream: a half line of stdout is not glued to the stderr text that arrives meanwhile.
        var key = (args.Host, args.Stream);
        var splitter = _lines.TryGetValue(key, out var known) ? known : _lines[key] = new LineSplitter();
        splitter.Push(args.Text, line => output.WriteLine(Labelled(args.Host, line)));
        output.Flush();
    }

    /// <summary>
    /// A wave's start, numbered, with its hosts; a wait, a halt or a refusal when its reason changes. Not printed: a
    /// wait for hosts in flight (their own lines tell it), a skip (each skipped host has its line), the end (the
    /// summary says it), and a reason the ring gate has just printed.
    /// </summary>
    private void DecisionMade(DecisionEvent args)
    {
        switch (args.Decision)
        {
            case SchedulingDecision.Start start:
                _wave++;
                Line($"wave {_wave.ToString(CultureInfo.InvariantCulture)}: {string.Join(", ", start.Hosts.Order(order).Select(Shown))}{PlainHostText.WaveNote(start)}");
                return;
            case SchedulingDecision.Skip or SchedulingDecision.Finished:
                return;
            case SchedulingDecision.Wait wait when wait.Reason.StartsWith("waiting for ", StringComparison.Ordinal) || wait.Reason == _lastRingStatus:
                return;
        }

        if (args.Decision.Reason != _lastDecision)
        {
            _lastDecision = args.Decision.Reason;
            Line(args.Decision.Reason);
        }
    }

    /// <summary>
    /// The health gate: a host's or the ring's wait only when the kind of reason changes (not each poll whose
    /// counts moved), and its pass. The host's own lines name it once.
    /// </summary>
    private void GateChanged(GateEvent args)
    {
        if (args.Host is not { } host)
        {
            if (!_ringSeen)
            {
                // The check before the first start: healthy, or the reason the job does not start.
                _ringSeen = true;
                Line("ring: " + (args.Passed ? string.Empty : "not healthy enough to start: ") + args.Status);
            }
            else if (args.Passed)
            {
                _lastRingKind = null;
                _lastRingStatus = null;
                Line("ring: " + args.Status + (args.Waited > TimeSpan.Zero ? $" (after {DurationText.Format(args.Waited)})" : string.Empty));
            }
            else if (PlainHostText.KindOf(args.Status) != _lastRingKind)
            {
                _lastRingKind = PlainHostText.KindOf(args.Status);
                _lastRingStatus = args.Status;
                Line("ring: waiting: " + args.Status);
            }
            else
            {
                _lastRingStatus = args.Status;
            }

            return;
        }

        if (args.Passed)
        {
            _gateKind.Remove(host);
            Line($"{Shown(host)} back ({DurationText.Format(args.Waited)} after its command ended)");
            return;
        }

        var kind = PlainHostText.KindOf(args.Status);
        if (!_gateKind.TryGetValue(host, out var lastKind) || lastKind != kind)
        {
            _gateKind[host] = kind;
            Line($"{Shown(host)} not back yet: {PlainHostText.WithoutHost(host, args.Status)}");
        }
    }

    private void HostUnreachable(HostUnreachableEvent args) => Line(args.Describe());

    private void ControlApplied(JobControlEvent args) => Line($"{args.Describe()}: took effect");

    /// <summary>The command ended: its last lines, even without a newline, are printed before what comes next.</summary>
    private void FlushPartialLines(string host)
    {
        foreach (var stream in (OutputStreamKind[])[OutputStreamKind.StandardOutput, OutputStreamKind.StandardError])
        {
            if (_lines.Remove((host, stream), out var splitter) && splitter.Flush() is { } partial)
            {
                output.WriteLine(Labelled(host, partial));
            }
        }
    }

    /// <summary>An output line under --ip-label: <c>host: line</c>, as planb prints it.</summary>
    private string Labelled(string host, string line) => $"{Shown(host)}: {line}";

    /// <summary>How a host is named on the console: its address, or its name under --resolve-hostnames.</summary>
    private string Shown(string host) => label?.Invoke(host) ?? host;

    private void Line(string text)
    {
        output.WriteLine($"[{time.GetLocalNow():HH:mm:ss}] {text}");
        output.Flush();
    }
}
