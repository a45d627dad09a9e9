using System.Globalization;
using Cstar.Core.Jobs.Events;
using Cstar.JobStore.Events;

namespace Cstar.Cli.Attach;

/// <summary>
/// `cstar attach` without a terminal: one line per stored event of the job, in the runner's words where it has them
/// (a host started, ended and waits to be seen back, is back, failed; the job waits, halts, ends). Any other type
/// (a pause, a setting change) is printed with its fields, so it shows without a change here.
/// </summary>
internal static class AttachedEventLines
{
    public static string Line(StoredEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var at = e.Time.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        var what = e.Type switch
        {
            JobEventTypes.JobStart => e.Field("resumed") == "true" ? $"job continued: {e.Field("command")} on {e.Field("hostCount")} host(s)" : $"job started: {e.Field("command")} on {e.Field("hostCount")} host(s)",
            JobEventTypes.HostStart => e.Field("attach") == "true" ? $"{e.Host} re-attached (attempt {e.Field("attempt")})" : $"{e.Host} started (attempt {e.Field("attempt")})",
            JobEventTypes.HostFinish => $"{e.Host} {e.Field("state")}" + (string.IsNullOrEmpty(e.Field("exitCode")) ? string.Empty : $" (exit {e.Field("exitCode")})")
                + (string.IsNullOrEmpty(e.Field("reason")) ? string.Empty : ": " + e.Field("reason")),
            JobEventTypes.GateWait when e.Host is null => "job waits: " + e.Field("reason"),
            JobEventTypes.GateWait => $"{e.Host} waits: {e.Field("reason")}",
            JobEventTypes.GatePass when e.Host is null => "job goes on: every node is back" + Waited(e),
            JobEventTypes.GatePass => $"{e.Host} is back" + Waited(e),
            JobEventTypes.Halt => "halt: " + e.Field("reason"),
            JobEventTypes.JobEnd => "run ended: " + e.Field("state"),
            _ => e.Type + ": " + string.Join(", ", e.Fields.Select(f => $"{f.Key} {f.Value}")),
        };
        return $"[{at}] {what}";
    }

    private static string Waited(StoredEvent e) =>
        double.TryParse(e.Field("waitedMs"), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms)
            ? $" (after {Math.Round(ms / 1000, 1).ToString(CultureInfo.InvariantCulture)} s)"
            : string.Empty;
}
