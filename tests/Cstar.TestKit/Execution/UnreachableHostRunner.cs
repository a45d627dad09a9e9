using Cstar.Core.Execution;
using Cstar.Core.Ports;

namespace Cstar.TestKit.Execution;

/// <summary>
/// A host runner for a host that went out of contact as soon as its command started: it reports a failed reconnect
/// every <see cref="Every"/> (on the given clock) until <see cref="GiveUpAfter"/>, then returns Lost, as the detached
/// runner does when the reconnect window is over.
/// </summary>
public sealed class UnreachableHostRunner(TimeProvider clock) : IHostRunner
{
    public TimeSpan Every { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromSeconds(95);

    public int Attempts { get; private set; }

    public async Task<HostRunResult> RunAsync(HostRunRequest request, CancellationToken detach)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.OnRunning(42);
        var since = clock.GetUtcNow();
        while (clock.GetUtcNow() - since < GiveUpAfter)
        {
            Attempts++;
            request.OnUnreachable?.Invoke(new HostUnreachable(clock.GetUtcNow(), since, "reconnecting to follow its command", "Connection refused", since + GiveUpAfter));
            await Task.Delay(Every, clock, detach).ConfigureAwait(false);
        }

        return HostRunResult.Lost($"lost: no contact with {request.Host} since {since:HH:mm:ss} UTC");
    }

    public Task CleanupAsync(HostRunRequest request, CancellationToken cancellationToken) => Task.CompletedTask;
}
