using Cstar.Core.Ports;

namespace Cstar.Core.Health;

/// <summary>
/// When a gate poll may stop reading peers: every host awaiting return is already seen UN by a majority that the
/// answers that may still come (reads running, peers not asked yet) cannot overturn, each counted as a peer that does
/// not see it, so the verdict of <see cref="HealthRules.HasReturned"/> on the full read would be the same. The rule
/// itself does not change.
/// </summary>
public static class GateQuorum
{
    /// <summary>The stop condition handed to <see cref="IRingHealthProbe.ReadViewsAsync(IReadOnlySet{string}, IReadOnlySet{string}, Func{IReadOnlyList{RingView}, int, bool}, CancellationToken)"/>.</summary>
    public static Func<IReadOnlyList<RingView>, int, bool> AllDecided(IReadOnlyCollection<string> awaiting)
    {
        ArgumentNullException.ThrowIfNull(awaiting);
        return (views, pending) => awaiting.Count > 0 && awaiting.All(host => Decided(host, views, pending));
    }

    public static bool Decided(string host, IReadOnlyList<RingView> views, int pending)
    {
        ArgumentNullException.ThrowIfNull(views);
        var peers = views.Where(v => !string.Equals(v.Viewer, host, StringComparison.Ordinal)).ToList();
        var seeUp = peers.Count(v => v.Find(host)?.IsUpNormal == true);
        return IsMajority(seeUp, peers.Count + pending);
    }

    /// <summary>The quorum: at least one peer, and more than half of <paramref name="peers"/> (read or still to come) see the host UN.</summary>
    public static bool IsMajority(int seeUp, int peers) => seeUp > 0 && seeUp >= (peers / 2) + 1;
}
