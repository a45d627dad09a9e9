using Cstar.Core.BackPressure;
using Cstar.Core.Errors;
using Cstar.Core.Ports;
using Cstar.Ring.Health;

namespace Cstar.Ring.Load;

/// <summary>
/// The back-pressure gate's eyes: <c>nodetool compactionstats</c> (with a compaction limit) and <c>nodetool netstats</c>
/// (with --no-streaming) on the node itself. A node that cannot be reached, fails, or prints something the parsers
/// do not understand is reported unreadable, with why: it holds the gate.
/// </summary>
public sealed class NodetoolLoadProbe(ICommandTransport transport, RingHealthProbeOptions options, TimeProvider time) : INodeLoadProbe
{
    public async Task<NodeLoad> ReadAsync(string host, BackPressureLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        try
        {
            int? pending = null;
            int? streams = null;
            if (limits.MaxPendingCompactions is not null)
            {
                pending = CompactionStatsParser.Parse(await RunAsync(host, "compactionstats", cancellationToken).ConfigureAwait(false)).PendingTasks;
            }

            if (limits.NoStreaming)
            {
                streams = NetStatsParser.Parse(await RunAsync(host, "netstats", cancellationToken).ConfigureAwait(false)).Streams.Length;
            }

            return new NodeLoad(host, time.GetUtcNow(), pending, streams);
        }
        catch (Exception e) when (e is TransportException or CstarException)
        {
            return NodeLoad.Unreadable(host, time.GetUtcNow(), e.Message);
        }
    }

    private async Task<string> RunAsync(string host, string command, CancellationToken cancellationToken)
    {
        var result = await transport.RunAsync(host, options.NodetoolArgv(command), options.CommandTimeout, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            var said = (result.StandardError.Trim().Length > 0 ? result.StandardError : result.StandardOutput).Trim().Split('\n')[0];
            throw new CstarException($"nodetool {command} exited {result.ExitCode}: {said}", "Run it on the node by hand.");
        }

        return result.StandardOutput;
    }
}
