namespace Cstar.Simulator.State;

/// <summary>
/// When a node's gossip went up or down. A peer with detection delay d sees, at time t, the last
/// transition that happened at or before t - d; transitions are kept in time order.
/// </summary>
internal sealed class GossipHistory
{
    private readonly List<(DateTimeOffset At, bool Up)> transitions = [];

    public GossipHistory(bool initiallyUp) => InitiallyUp = initiallyUp;

    public bool InitiallyUp { get; }

    /// <summary>Records a transition at <paramref name="at"/>, forgetting planned ones after <paramref name="now"/>.</summary>
    public void Record(DateTimeOffset now, DateTimeOffset at, bool up)
    {
        transitions.RemoveAll(t => t.At > now);
        transitions.Add((at, up));
    }

    /// <summary>The state and its start time as seen by a peer whose news is <paramref name="delay"/> old.</summary>
    public (bool Up, DateTimeOffset Since) StateAt(DateTimeOffset now, TimeSpan delay)
    {
        var horizon = now - delay;
        for (var i = transitions.Count - 1; i >= 0; i--)
        {
            if (transitions[i].At <= horizon)
            {
                return (transitions[i].Up, transitions[i].At);
            }
        }

        return (InitiallyUp, DateTimeOffset.MinValue);
    }
}
