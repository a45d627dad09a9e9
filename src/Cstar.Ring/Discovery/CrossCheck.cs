using Cstar.Core.Errors;
using Cstar.Core.Topology;
using Cstar.Ring.Describecluster;
using Cstar.Ring.Describering;
using Cstar.Ring.Status;

namespace Cstar.Ring.Discovery;

/// <summary>
/// Compares the node list of 'nodetool status' with a second source, so a node that a parser (or nodetool)
/// left out is an error rather than a host the scheduler never sees.
/// </summary>
internal static class CrossCheck
{
    private const string Hint = "The ring looks different depending on the source; it may be changing (bootstrap, decommission) or one view is stale. Retry in a minute; if it persists, compare 'nodetool status' and 'nodetool describecluster' on the seed.";

    /// <summary>4.0+: describecluster's "Data Centers: dc #Nodes: n" must match status, DC by DC (joining nodes may be left out of the count).</summary>
    public static void DatacenterCounts(string seed, DescribeclusterOutput description, StatusOutput status)
    {
        if (description.Datacenters.IsEmpty)
        {
            return;
        }

        // Joining nodes are in status but may not be in the token metadata describecluster counts from.
        var fromStatus = status.Entries.GroupBy(e => e.Datacenter, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var joining = status.Entries.Where(e => e.State == NodeState.Joining).GroupBy(e => e.Datacenter, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var fromDescription = description.Datacenters.ToDictionary(d => d.Name, d => d.Nodes, StringComparer.Ordinal);
        var problems = fromStatus.Keys.Union(fromDescription.Keys, StringComparer.Ordinal)
            .Where(dc =>
            {
                var listed = fromStatus.GetValueOrDefault(dc);
                var counted = fromDescription.GetValueOrDefault(dc);
                return counted != listed && counted != listed - joining.GetValueOrDefault(dc);
            })
            .Select(dc => $"{dc}: status lists {fromStatus.GetValueOrDefault(dc)} node(s), describecluster counts {fromDescription.GetValueOrDefault(dc)}")
            .ToList();
        if (problems.Count > 0)
        {
            throw new CstarException($"Node count mismatch on seed {seed} (cluster {description.Name}): {string.Join("; ", problems)}.", Hint);
        }
    }

    /// <summary>
    /// Every replica describering names must be a status node, and every non-joining status node of a DC the
    /// keyspace replicates to must be a replica of some range (each token owner is the first replica of its
    /// own ranges).
    /// </summary>
    public static void Endpoints(string seed, string cluster, string keyspace, DescriberingOutput ring, StatusOutput status)
    {
        var byAddress = status.Entries.ToDictionary(e => e.Address, StringComparer.Ordinal);
        var endpoints = ring.EndpointAddresses();
        var unknown = endpoints.Where(a => !byAddress.ContainsKey(a)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new CstarException(
                $"Node count mismatch on seed {seed} (cluster {cluster}): 'nodetool describering {keyspace}' names {string.Join(", ", unknown)}, which 'nodetool status' does not list.",
                Hint);
        }

        var replicatedDcs = endpoints.Select(a => byAddress[a].Datacenter).ToHashSet(StringComparer.Ordinal);
        var missing = status.Entries
            .Where(e => e.State != NodeState.Joining && replicatedDcs.Contains(e.Datacenter) && !endpoints.Contains(e.Address))
            .Select(e => e.Address)
            .ToList();
        if (missing.Count > 0)
        {
            throw new CstarException(
                $"Node count mismatch on seed {seed} (cluster {cluster}): 'nodetool status' lists {string.Join(", ", missing)}, but 'nodetool describering {keyspace}' never names them as replicas.",
                Hint);
        }
    }
}
