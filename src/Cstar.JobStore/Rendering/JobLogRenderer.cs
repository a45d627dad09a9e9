using System.Text;
using Cstar.Core.Jobs;
using Cstar.JobStore.Inspection;
using Cstar.JobStore.Output;

namespace Cstar.JobStore.Rendering;

/// <summary>
/// Plain text for <c>cstar jobs log &lt;id&gt; [--host H]</c>: each host's <c>out</c> under a
/// <c>==&gt; host (state) &lt;==</c> header (as <c>tail</c> prints several files), then its <c>err</c> if any.
/// Hosts that never started are listed without output so the log tells what did not run.
/// </summary>
public static class JobLogRenderer
{
    public static string Render(JobDetails details, HostOutputReader outputs, string? host = null)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(outputs);
        var hosts = details.Hosts.Where(h => host is null || string.Equals(h.Host, host, StringComparison.Ordinal)).ToList();
        if (host is not null && hosts.Count == 0)
        {
            throw new Core.Errors.CstarException(
                $"host {host} is not part of job {details.Summary.JobId}",
                $"cstar jobs show {details.Summary.JobId} lists its hosts");
        }

        var text = new StringBuilder();
        foreach (var h in hosts)
        {
            var exit = h.ExitCode is { } code ? $", exit {code}" : string.Empty;
            text.Append("==> ").Append(h.Host).Append(" (").Append(Format.State(h.State)).Append(exit).Append(") <==\n");
            Append(text, outputs.ReadAll(details.Summary.JobId, h.Host, OutputChannel.Out));
            var err = outputs.ReadAll(details.Summary.JobId, h.Host, OutputChannel.Err);
            if (err.Length > 0)
            {
                text.Append("--- stderr ---\n");
                Append(text, err);
            }
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, string output)
    {
        text.Append(output);
        if (output.Length > 0 && output[^1] != '\n')
        {
            text.Append('\n');
        }
    }
}
