using System.Globalization;
using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.Core.Ports;
using Cstar.Core.Scheduling;

namespace Cstar.Cli.Jobs;

/// <summary>
/// The plain view: one line per event, safe for pipes, cron, CI and TERM=dumb. --ip-label streams every
/// output line prefixed with its host (in linear time, see <see cref="LineSplitter"/>: a line longer than 64 K
/// characters is printed in pieces); -v prints each host's output when it finishes (its first and last 32 K
/// characters when longer, saying so and where the full output is: <paramref name="hostFolder"/> gives it per host).
/// </summary>
internal sealed class PlainConsoleObserver(TextWriter output, bool ipLabel, int verbose, TimeProvider time, Func<string, string>? hostFolder = null) : IJobObserver
{
    private readonly Dictionary<string, VerboseOutputBuffer> _buffers = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Host, OutputStreamKind Stream), LineSplitter> _lines = [];
    private readonly Dictionary<string, (HostRunStateKind, bool)> _lastState = new(StringComparer.Ordinal);
    private string? _lastDecision;
    private string? _lastGate;

    public async Task JobStartingAsync(JobDefinition definition, JobSetup setup, bool resume)
    {
        await output.WriteLineAsync($"Job id is {definition.JobId}{(resume ? " (continuing)" : string.Empty)}");
        await output.WriteLineAsync($"Command: {definition.CommandName}; {setup.Targets.Length} target host(s) in {string.Join(", ", setup.Topology.Clusters.Select(c => c.Name))}");
        var policy = setup.Context.Policy;
        await output.WriteLineAsync($"Strategy: {policy.Strategy.ToString().ToLowerInvariant()}, cluster-parallel {Lower(policy.ClusterParallel)}, dc-parallel {Lower(policy.DcParallel)}");
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

    public void HostChanged(HostChangedArgs args)
    {
        if (_lastState.TryGetValue(args.Host, out var last) && last == (args.State, args.AwaitingReturn))
        {
            return;
        }

        _lastState[args.Host] = (args.State, args.AwaitingReturn);
        var ended = args.AwaitingReturn || args.State is HostRunStateKind.Failed or HostRunStateKind.TimedOut;
        if (ended)
        {
            FlushPartialLines(args.Host);
        }

        var what = args.AwaitingReturn ? $"finished ({args.Reason}); waiting until its peers see it UN" : args.State switch
        {
            HostRunStateKind.Starting => "starting",
            HostRunStateKind.Running => "running" + (args.Pid is { } pid ? $" (pid {pid})" : string.Empty),
            HostRunStateKind.Succeeded => "back: done",
            HostRunStateKind.Failed => "FAILED: " + (args.Reason ?? "exit " + args.ExitCode),
            HostRunStateKind.TimedOut => "TIMED OUT: " + args.Reason,
            HostRunStateKind.DidNotComeBack => "DID NOT COME BACK: " + args.Reason,
            HostRunStateKind.Skipped => "skipped: " + args.Reason,
            _ => args.State.ToString().ToLowerInvariant(),
        };
        Line($"{args.Host} {what}");
        if (verbose > 0 && ended && _buffers.Remove(args.Host, out var buffered) && !buffered.IsEmpty)
        {
            // A last line without its newline must not swallow the next event's line: Render ends with one.
            output.Write(buffered.Render(hostFolder?.Invoke(args.Host) ?? args.Host));
            output.Flush();
        }
    }

    public void OutputReceived(HostOutputArgs args)
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

    public void DecisionMade(DecisionArgs args)
    {
        if (args.Decision is SchedulingDecision.Start || args.Decision.Reason == _lastDecision)
        {
            return;
        }

        _lastDecision = args.Decision.Reason;
        Line(args.Decision.Reason);
    }

    public void GateChanged(GateArgs args)
    {
        var text = (args.Host is null ? "ring" : args.Host) + ": " + args.Status;
        if (text == _lastGate)
        {
            return;
        }

        _lastGate = text;
        Line("gate " + (args.Passed ? "passed" : "waiting") + $" ({args.Waited.TotalSeconds:0}s) " + text);
    }

    public void HostUnreachable(HostUnreachableArgs args) => Line(args.Describe());

    public void ControlApplied(ControlArgs args) => Line($"{args.Control.Describe()}: took effect");

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
    private static string Labelled(string host, string line) => $"{host}: {line}";

    private void Line(string text)
    {
        output.WriteLine($"[{time.GetLocalNow():HH:mm:ss}] {text}");
        output.Flush();
    }

    private static string Lower(bool value) => value ? "true" : "false";
}
