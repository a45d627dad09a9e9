using Cstar.Core.Jobs;
using Cstar.JobStore.Inspection;
using Cstar.JobStore.Output;

namespace Cstar.JobStore.Rendering;

/// <summary>
/// Plain text for <c>cstar jobs log &lt;id&gt; [--host H]</c>: each host's <c>out</c> under a
/// <c>==&gt; host (state) &lt;==</c> header (as <c>tail</c> prints several files), then its <c>err</c> if any.
/// Hosts that never started are listed without output so the log tells what did not run. The outputs are
/// streamed file to writer in pieces: memory stays flat whatever their size.
/// </summary>
public static class JobLogRenderer
{
    public static async Task WriteAsync(JobDetails details, HostOutputReader outputs, TextWriter destination, string? host = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(destination);
        var hosts = details.Hosts.Where(h => host is null || string.Equals(h.Host, host, StringComparison.Ordinal)).ToList();
        if (host is not null && hosts.Count == 0)
        {
            throw new Core.Errors.CstarException(
                $"host {host} is not part of job {details.Summary.JobId}",
                $"cstar jobs show {details.Summary.JobId} lists its hosts");
        }

        var jobId = details.Summary.JobId;
        foreach (var h in hosts)
        {
            var exit = h.ExitCode is { } code ? $", exit {code}" : string.Empty;
            await destination.WriteAsync($"==> {h.Host} ({Format.State(h.State)}{exit}) <==\n".AsMemory(), cancellationToken).ConfigureAwait(false);
            await outputs.CopyToAsync(jobId, h.Host, OutputChannel.Out, destination, cancellationToken).ConfigureAwait(false);
            if (new FileInfo(outputs.PathOf(jobId, h.Host, OutputChannel.Err)) is { Exists: true, Length: > 0 })
            {
                await destination.WriteAsync("--- stderr ---\n".AsMemory(), cancellationToken).ConfigureAwait(false);
                await outputs.CopyToAsync(jobId, h.Host, OutputChannel.Err, destination, cancellationToken).ConfigureAwait(false);
            }
        }

        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
