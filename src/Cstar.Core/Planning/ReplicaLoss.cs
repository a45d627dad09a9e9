using System.Collections.Immutable;
using System.Globalization;
using Cstar.Core.Replication;
using Cstar.Core.Scheduling;

namespace Cstar.Core.Planning;

/// <summary>
/// For a command that takes its node down run with strategy all: which ranges of each keyspace (left-out ones
/// aside) would lose how many replicas if the given hosts went down together, e.g.
/// "keyspace app (dc1 3, dc2 3): 32 range(s) lose 6 of 6 replicas, e.g. (0,10], (10,20]".
/// </summary>
public static class ReplicaLoss
{
    public static ImmutableArray<string> Lines(IEnumerable<ReplicaMap> maps, IReadOnlyCollection<KeyspaceTreatment> keyspaces, IReadOnlyCollection<string> hosts)
    {
        ArgumentNullException.ThrowIfNull(maps);
        ArgumentNullException.ThrowIfNull(keyspaces);
        ArgumentNullException.ThrowIfNull(hosts);
        var down = hosts.ToHashSet(StringComparer.Ordinal);
        var treated = keyspaces.ToDictionary(k => (k.Cluster, k.Keyspace));
        var lines = ImmutableArray.CreateBuilder<string>();
        foreach (var map in maps)
        {
            foreach (var keyspace in map.Keyspaces.OrderBy(k => k.Keyspace.Name, StringComparer.Ordinal))
            {
                if (!treated.TryGetValue((map.ClusterName, keyspace.Keyspace.Name), out var treatment) || treatment.Coverage == KeyspaceCoverage.LeftOut)
                {
                    continue;
                }

                var losses = keyspace.Ranges
                    .Select(r => (Range: r, Lost: r.Endpoints.Count(down.Contains), Total: r.Endpoints.Length))
                    .Where(x => x.Lost > 0)
                    .GroupBy(x => (x.Lost, x.Total))
                    .OrderByDescending(g => g.Key.Lost)
                    .Select(g => $"{N(g.Count())} range(s) lose {N(g.Key.Lost)} of {N(g.Key.Total)} replicas, e.g. {string.Join(", ", g.Take(2).Select(x => $"({x.Range.StartToken},{x.Range.EndToken}]"))}");
                var text = string.Join("; ", losses);
                if (text.Length > 0)
                {
                    lines.Add($"keyspace {keyspace.Keyspace.Name} ({treatment.ReplicasPerDc}): {text}");
                }
            }
        }

        return lines.ToImmutable();
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
