using System.Text.RegularExpressions;
using Cstar.Core.Commands;
using Cstar.Core.Jobs;
using Cstar.Core.Jobs.Events;
using Cstar.Core.Scheduling;

namespace Cstar.Cli.Jobs;

/// <summary>The words of the plain view's host and wave lines, apart from when they are printed.</summary>
internal static partial class PlainHostText
{
    /// <summary>
    /// What a host's change says after its address, or null when it needs no line: Starting (its start is the
    /// Running line, with the pid) and Succeeded (its return is the gate's "back" line).
    /// </summary>
    public static string? Describe(HostChangedEvent args, TimeSpan? ran)
    {
        var took = ran is { } d ? " after " + DurationText.Format(d) : string.Empty;
        var exit = args.ExitCode is { } code ? "exit " + code.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        var reason = args.Reason is { Length: > 0 } r && r != exit ? r : null;
        if (args.AwaitingReturn)
        {
            return $"ended: {exit ?? reason ?? "done"}{took}; waiting until its peers see it UN";
        }

        return args.State switch
        {
            HostRunStateKind.Starting or HostRunStateKind.Succeeded or HostRunStateKind.Pending => null,
            HostRunStateKind.Running => "started" + (args.Pid is { } pid ? $" (pid {pid})" : string.Empty),
            HostRunStateKind.Failed => $"FAILED: {exit ?? "no exit code"}{took}{(reason is null ? string.Empty : ": " + reason)}",
            HostRunStateKind.TimedOut => $"TIMED OUT{took}: {reason ?? exit}",
            HostRunStateKind.DidNotComeBack => "DID NOT COME BACK: " + (reason ?? exit),
            HostRunStateKind.Skipped => "skipped: " + reason,
            _ => StateNames.Of(args.State),
        };
    }

    /// <summary>What held other hosts out of a wave (", held back: 4 by topology conflict"), or nothing when all fit.</summary>
    public static string WaveNote(SchedulingDecision.Start start)
    {
        var held = start.Reason.IndexOf("held back:", StringComparison.Ordinal);
        return held < 0 ? string.Empty : " (" + start.Reason[held..] + ")";
    }

    /// <summary>
    /// The kind of a wait's reason: its words without numbers or addresses, so "seen UN by 1 of 3" and "seen UN by
    /// 0 of 3" are one kind and print once, while "its CQL port does not answer yet" is another.
    /// </summary>
    public static string KindOf(string status) => Numbers().Replace(status, "#");

    /// <summary>The status without a leading "host is " or "host: " (the line names the host already).</summary>
    public static string WithoutHost(string host, string status)
    {
        foreach (var prefix in (string[])[host + " is ", host + ": ", host + " "])
        {
            if (status.StartsWith(prefix, StringComparison.Ordinal))
            {
                return status[prefix.Length..];
            }
        }

        return status;
    }

    [GeneratedRegex(@"[0-9a-fA-F:.]*[0-9][0-9a-fA-F:.]*")]
    private static partial Regex Numbers();
}
