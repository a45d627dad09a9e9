using System.Globalization;
using Cstar.Core.Errors;
using Cstar.Core.Replication;
using Cstar.Core.Topology;
using Cstar.Ring.Describering;
using Cstar.Ring.Status;

namespace Cstar.Ring.Discovery;

/// <summary>
/// Checks where describering puts each replica against the other sources, so the per-DC replica counts the
/// scheduler relies on are never built on a node placed in the wrong DC: endpoint_details (2.1+) must give every
/// endpoint the DC and rack 'nodetool status' gives its node, and on 4.0+ every range must hold as many
/// replicas per DC as the schema in describecluster asks for.
/// </summary>
internal static class ReplicaCrossCheck
{
    private const string Hint = "The ring looks different depending on the source; it may be changing (bootstrap, decommission, ALTER KEYSPACE) or one view is stale. Retry in a minute; if it persists, compare 'nodetool status' and 'nodetool describering <keyspace>' on the seed.";

    public static void Locations(string seed, string cluster, string keyspace, DescriberingOutput ring, StatusOutput status)
    {
        var byAddress = status.Entries.ToDictionary(e => e.Address, StringComparer.Ordinal);
        foreach (var (address, location) in ring.Endpoints.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!byAddress.TryGetValue(address, out var node))
            {
                continue;
            }

            if (!string.Equals(node.Datacenter, location.Datacenter, StringComparison.Ordinal) || !string.Equals(node.Rack, location.Rack, StringComparison.Ordinal))
            {
                var what = string.Equals(node.Datacenter, location.Datacenter, StringComparison.Ordinal) ? "Rack" : "Datacenter";
                throw new CstarException(
                    $"{what} mismatch on seed {seed} (cluster {cluster}): 'nodetool describering {keyspace}' puts {address} in {location.Datacenter}/{location.Rack}, 'nodetool status' lists it in {node.Datacenter}/{node.Rack}.",
                    Hint);
            }
        }
    }

    /// <summary>4.0+: each range holds min(factor, nodes in the DC) replicas in every DC (NTS), or min(factor, nodes) in all (Simple).</summary>
    public static void Factors(string seed, string cluster, KeyspaceDefinition schema, DescriberingOutput ring, StatusOutput status)
    {
        if (schema.Class is not (ReplicationClass.Simple or ReplicationClass.NetworkTopology))
        {
            return;
        }

        // Joining nodes own no range yet, unless describering already names them (the join ended between the two calls).
        var endpoints = ring.EndpointAddresses();
        var placed = status.Entries.Where(e => e.State != NodeState.Joining || endpoints.Contains(e.Address)).ToList();
        var dcs = schema.Class == ReplicationClass.Simple
            ? [string.Empty]
            : placed.Select(e => e.Datacenter).Concat(schema.ReplicationFactors.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var expected = dcs.Select(dc => Math.Min(schema.FactorFor(dc), placed.Count(e => dc.Length == 0 || e.Datacenter == dc))).ToArray();
        var firstWrong = FirstWrongRangePerDc(ring, status, dcs, expected);
        var at = Array.FindIndex(firstWrong, i => i >= 0);
        if (at >= 0)
        {
            var dc = dcs[at];
            var wrong = ring.Ranges[firstWrong[at]];
            var dcOf = status.Entries.ToDictionary(e => e.Address, e => e.Datacenter, StringComparer.Ordinal);
            var where = dc.Length == 0 ? string.Empty : " in " + dc;
            var found = wrong.Endpoints.Count(a => dc.Length == 0 || dcOf[a] == dc);
            throw new CstarException(
                string.Create(CultureInfo.InvariantCulture, $"Replica count mismatch on seed {seed} (cluster {cluster}): the schema of keyspace {schema.Name} asks for {expected[at]} replica(s){where}, but 'nodetool describering {schema.Name}' gives range ({wrong.StartToken}, {wrong.EndToken}] {found}{where} ({string.Join(", ", wrong.Endpoints)})."),
                Hint);
        }
    }

    /// <summary>
    /// Per DC (index into <paramref name="dcs"/>; the one empty name means all), the first range whose replicas there
    /// are not <paramref name="expected"/>, or -1: one pass over the 1.5 million replicas of a 1,000-node keyspace,
    /// counting every DC at once.
    /// </summary>
    private static int[] FirstWrongRangePerDc(DescriberingOutput ring, StatusOutput status, List<string> dcs, int[] expected)
    {
        var indexOf = status.Entries.ToDictionary(e => e.Address, e => dcs.Count == 1 && dcs[0].Length == 0 ? 0 : dcs.IndexOf(e.Datacenter), StringComparer.Ordinal);
        var firstWrong = Enumerable.Repeat(-1, dcs.Count).ToArray();
        var counts = new int[dcs.Count];
        for (var r = 0; r < ring.Ranges.Length; r++)
        {
            Array.Clear(counts);
            foreach (var address in ring.Ranges[r].Endpoints)
            {
                var dc = indexOf[address];
                if (dc >= 0)
                {
                    counts[dc]++;
                }
            }

            for (var dc = 0; dc < counts.Length; dc++)
            {
                if (counts[dc] != expected[dc] && firstWrong[dc] < 0)
                {
                    firstWrong[dc] = r;
                }
            }
        }

        return firstWrong;
    }
}
