using Cstar.Core.Ports;

namespace Cstar.Transport;

/// <summary>Opens the connections of the given hosts, a few handshakes at a time, in the background (while discovery still runs).</summary>
public static class ConnectionWarmup
{
    public const int DefaultConcurrency = 16;

    /// <summary>Starts warming; the task ends when every host was tried (or on cancellation) and never faults.</summary>
    public static Task Start(ICommandTransport transport, IEnumerable<string> hosts, CancellationToken cancellationToken, int concurrency = DefaultConcurrency)
    {
        if (transport is not IConnectionWarmup warmup)
        {
            return Task.CompletedTask;
        }

        var list = hosts.Distinct(StringComparer.Ordinal).ToList();
        return Task.Run(
            async () =>
            {
                try
                {
                    await Parallel.ForEachAsync(list, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, concurrency), CancellationToken = cancellationToken }, async (host, ct) => await warmup.WarmAsync(host, ct).ConfigureAwait(false)).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // The job ended or was interrupted before every connection was open.
                }
            },
            CancellationToken.None);
    }
}
