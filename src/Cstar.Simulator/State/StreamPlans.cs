namespace Cstar.Simulator.State;

/// <summary>
/// The stream plans of one node (repair sessions streaming to and from peers) while they last: netstats shows each
/// until its end; nothing else of a stream is simulated.
/// </summary>
internal sealed class StreamPlans
{
    private readonly List<(string Operation, Guid PlanId, IReadOnlyList<string> Peers, DateTimeOffset Until)> _plans = [];

    public void Add(string operation, Guid planId, IReadOnlyList<string> peers, DateTimeOffset until) => _plans.Add((operation, planId, peers, until));

    public IReadOnlyList<(string Operation, Guid PlanId, IReadOnlyList<string> Peers)> Active(DateTimeOffset now)
    {
        _plans.RemoveAll(p => p.Until <= now);
        return [.. _plans.Select(p => (p.Operation, p.PlanId, p.Peers))];
    }
}
