using System.Collections.Immutable;
using Cstar.Core.Errors;
using Cstar.Core.Ports;
using Cstar.Ring.Hosts;
using Cstar.Ring.Parsing;

namespace Cstar.Ring.Discovery;

/// <summary>
/// Finds every cluster reachable from the seeds. Each seed is tried in turn: an unreachable seed or a
/// failing nodetool moves on to the next (the reason is kept); a seed already inside a found cluster is
/// skipped; two seeds of the same cluster (same name and shared host ids) give one cluster. If no seed
/// answers, the error lists every seed with its reason. Parse errors and cross-check mismatches are not
/// seed failures: they stop discovery, because another seed would hide them.
/// </summary>
public sealed class RingDiscovery(ICommandTransport transport, IHostResolver? resolver = null)
{
    public async Task<DiscoveryResult> DiscoverAsync(DiscoveryOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Seeds.IsDefaultOrEmpty)
        {
            throw new CstarException("No seed host to discover the ring from.", "Give --seed-host (or --host) with at least one node of the cluster.", ExitCode.Usage);
        }

        var clusters = new List<DiscoveredCluster>();
        var failures = ImmutableArray.CreateBuilder<SeedFailure>();
        var skipped = ImmutableArray.CreateBuilder<string>();
        foreach (var seed in options.Seeds)
        {
            if (await IsInsideFoundClusterAsync(seed, clusters, cancellationToken).ConfigureAwait(false))
            {
                skipped.Add(seed);
                continue;
            }

            try
            {
                using var nodetool = new NodetoolClient(transport, options, seed);
                var probe = new ClusterProbe(nodetool, options, resolver);
                var cluster = await probe.RunAsync(cancellationToken).ConfigureAwait(false);
                if (clusters.Any(c => SameCluster(c, cluster)))
                {
                    skipped.Add(seed);
                    continue;
                }

                clusters.Add(cluster);
            }
            catch (SeedUnusableException e)
            {
                failures.Add(new SeedFailure(seed, e.Message));
            }
        }

        if (clusters.Count == 0)
        {
            var reasons = string.Join(Environment.NewLine, failures.Select(f => $"  {f.Seed}: {f.Reason}"));
            throw new CstarException(
                $"Could not read the ring from any seed ({failures.Count} tried):{Environment.NewLine}{reasons}",
                "Check that the seeds are reachable over SSH and that nodetool works there (e.g. ssh <seed> nodetool status), or give other seeds with --seed-host.");
        }

        return new DiscoveryResult([.. clusters], failures.ToImmutable(), skipped.ToImmutable());
    }

    /// <summary>Same name and at least one shared host id (or shared address when ids are missing).</summary>
    private static bool SameCluster(DiscoveredCluster a, DiscoveredCluster b)
    {
        if (!string.Equals(a.Topology.Name, b.Topology.Name, StringComparison.Ordinal))
        {
            return false;
        }

        var ids = a.Topology.Nodes.Where(n => n.HostId is not null).Select(n => n.HostId!.Value).ToHashSet();
        var addresses = a.Topology.Nodes.Select(n => n.Address).ToHashSet(StringComparer.Ordinal);
        return b.Topology.Nodes.Any(n => n.HostId is { } id ? ids.Contains(id) : addresses.Contains(n.Address));
    }

    private async Task<bool> IsInsideFoundClusterAsync(string seed, List<DiscoveredCluster> clusters, CancellationToken cancellationToken)
    {
        if (clusters.Count == 0)
        {
            return false;
        }

        var known = clusters.SelectMany(c => c.Topology.Nodes).Select(n => n.Address).ToHashSet(StringComparer.Ordinal);
        var literal = NodeAddress.Normalize(seed.Trim('[', ']'));
        if (known.Contains(literal))
        {
            return true;
        }

        if (resolver is null || NodeAddress.ToIpAddress(literal) is not null)
        {
            return false;
        }

        try
        {
            var addresses = await resolver.ResolveAsync(seed, cancellationToken).ConfigureAwait(false);
            return addresses.Any(ip => known.Contains(NodeAddress.Normalize(ip.ToString())));
        }
        catch (HostResolutionException)
        {
            return false;
        }
    }
}
