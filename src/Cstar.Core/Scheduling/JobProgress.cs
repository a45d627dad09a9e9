using System.Collections.Immutable;

namespace Cstar.Core.Scheduling;

/// <summary>
/// Immutable progress of a job: the state of every target host (by address), and the finished hosts that
/// have not been seen back yet. A finished host stays "in flight" for every safety rule until
/// <see cref="WithReturned"/>, because a restarted node is not serving until its peers see it UN.
/// </summary>
public sealed record JobProgress(
    ImmutableSortedDictionary<string, HostState> States,
    ImmutableHashSet<string> AwaitingReturn)
{
    public static JobProgress Create(IEnumerable<string> targets) => new(
        targets.ToImmutableSortedDictionary(t => t, _ => HostState.Pending, StringComparer.Ordinal),
        ImmutableHashSet.Create<string>(StringComparer.Ordinal));

    /// <summary>
    /// Failed hosts from an earlier run of the job that `continue` (without --retry-failed) leaves failed: they
    /// stay failed, but do not halt the new run; it goes on with the hosts not started yet, as cstar does.
    /// </summary>
    public ImmutableHashSet<string> AcknowledgedFailures { get; init; } = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

    public IEnumerable<string> Hosts => States.Keys;

    /// <summary>Failed hosts that halt the job under halt-on-failure: failures of this run (not acknowledged ones).</summary>
    public IEnumerable<string> UnacknowledgedFailures => InState(HostState.Failed).Where(h => !AcknowledgedFailures.Contains(h));

    public HostState StateOf(string host) =>
        States.TryGetValue(host, out var state) ? state : throw new ArgumentException($"{host} is not a target of this job", nameof(host));

    public IEnumerable<string> InState(HostState state) => States.Where(kv => kv.Value == state).Select(kv => kv.Key);

    public int Count(HostState state) => States.Values.Count(s => s == state);

    /// <summary>Hosts ever started in this job, this run and earlier ones: running + done + failed (skipped hosts never ran).</summary>
    public int StartedCount => States.Values.Count(s => s is HostState.Running or HostState.Done or HostState.Failed);

    /// <summary>Running hosts and finished hosts not yet back: what is out of service because of this job.</summary>
    public IEnumerable<string> InFlight => InState(HostState.Running).Concat(AwaitingReturn);

    public JobProgress WithRunning(string host) => Move(host, HostState.Running, HostState.Pending);

    /// <summary>The command succeeded; the host is awaiting its return until <see cref="WithReturned"/>.</summary>
    public JobProgress WithDone(string host) =>
        Move(host, HostState.Done, HostState.Running) with { AwaitingReturn = AwaitingReturn.Add(host) };

    public JobProgress WithReturned(string host) => this with { AwaitingReturn = AwaitingReturn.Remove(host) };

    public JobProgress WithFailed(string host) => Move(host, HostState.Failed, HostState.Running);

    public JobProgress WithSkipped(string host) => Move(host, HostState.Skipped, HostState.Pending);

    /// <summary>A host that failed in an earlier run: it stays failed without halting this run.</summary>
    public JobProgress WithFailureAcknowledged(string host) => StateOf(host) == HostState.Failed
        ? this with { AcknowledgedFailures = AcknowledgedFailures.Add(host) }
        : throw new InvalidOperationException($"{host} is {StateOf(host)}, not Failed: only a failure can be acknowledged");

    private JobProgress Move(string host, HostState to, HostState from)
    {
        var current = StateOf(host);
        if (current != from)
        {
            throw new InvalidOperationException($"{host} is {current}, cannot become {to} (expected {from})");
        }

        return this with { States = States.SetItem(host, to) };
    }
}
