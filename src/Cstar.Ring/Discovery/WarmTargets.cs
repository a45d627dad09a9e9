using Cstar.Core.Scheduling;

namespace Cstar.Ring.Discovery;

/// <summary>
/// Which hosts' connections are worth opening while discovery still runs: the targets that will start first. Under
/// all, every target (up to --max-concurrency); otherwise the first <see cref="Others"/> targets in ring order (the
/// first wave and the peers its gate reads). A guess is harmless: a host left out connects when it starts.
/// </summary>
public static class WarmTargets
{
    public const int Others = 16;

    public static IEnumerable<string> Choose(
        IReadOnlyList<(string Address, string Datacenter, string Rack)> nodes, IReadOnlyCollection<string> hostNames, string? dc, string? rack, SchedulingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(hostNames);
        ArgumentNullException.ThrowIfNull(policy);
        var targets = nodes
            .Where(n => hostNames.Count == 0 || hostNames.Contains(n.Address))
            .Where(n => dc is null || string.Equals(n.Datacenter, dc, StringComparison.Ordinal))
            .Where(n => rack is null || string.Equals(n.Rack, rack, StringComparison.Ordinal))
            .Select(n => n.Address);
        var count = policy.Strategy == SchedulingStrategy.All ? policy.MaxConcurrency ?? int.MaxValue : Others;
        return targets.Take(count);
    }
}
