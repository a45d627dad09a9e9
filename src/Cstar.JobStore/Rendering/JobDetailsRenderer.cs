using System.Text;
using Cstar.JobStore.Inspection;

namespace Cstar.JobStore.Rendering;

/// <summary>Plain text for <c>cstar jobs show &lt;id&gt;</c>: the job, its definition (secrets only as references), each host.</summary>
public static class JobDetailsRenderer
{
    public static string Render(JobDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var (s, d) = (details.Summary, details.Definition);
        var text = new StringBuilder();
        void Line(string label, string? value) => text.Append(label.PadRight(10)).Append(value ?? "-").Append('\n');
        Line("Job", s.JobId);
        Line("Command", $"{d.CommandName} ({d.Runner.ToString().ToLowerInvariant()}, sha256 {d.Command.Sha256})");
        Line("Arguments", d.Arguments.Length == 0 ? null : string.Join(" ", d.Arguments.Select(a => $"{a.Name}={a.Display}")));
        var variables = d.HostVariables.Hosts;
        if (!variables.IsEmpty)
        {
            Line("Host vars", $"{variables.Count} host(s): {string.Join(", ", variables.Values.SelectMany(v => v.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))} (values: --output json)");
        }

        Line("Clusters", string.Join(",", s.Clusters));
        Line("Reason", s.Reason);
        Line("State", Format.State(s) + (details.StateReason is null ? string.Empty : $" ({details.StateReason})"));
        Line("Started", Format.Time(s.CreatedAt));
        Line("Ended", Format.Time(s.EndedAt));
        Line("Hosts", Format.Counts(s.Hosts));
        Line("Outputs", details.Folder);
        text.Append('\n');
        text.Append(TextTable.Render(
            ["HOST", "STATE", "EXIT", "STARTED", "ENDED", "DURATION", "OUTPUT"],
            details.Hosts.Select(h => (IReadOnlyList<string>)
            [
                h.Host, Format.State(h.State) + (h.Reason is null ? string.Empty : $" ({h.Reason})"),
                h.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                Format.Time(h.StartedAt), Format.Time(h.EndedAt), Format.Duration(h.Duration), h.FirstOutputLine ?? string.Empty,
            ])));
        return text.ToString();
    }
}
