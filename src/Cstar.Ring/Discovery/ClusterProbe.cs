using System.Collections.Immutable;
using Cstar.Core.Replication;
using Cstar.Core.Topology;
using Cstar.Ring.Describecluster;
using Cstar.Ring.Describering;
using Cstar.Ring.Hosts;
using Cstar.Ring.Info;
using Cstar.Ring.Parsing;
using Cstar.Ring.Status;

namespace Cstar.Ring.Discovery;

/// <summary>
/// Reads one cluster through one seed: describecluster, status, the keyspace list, describering per
/// keyspace, and versions. Every command runs on the same seed, so the views agree with each other.
/// </summary>
internal sealed class ClusterProbe(NodetoolClient nodetool, DiscoveryOptions options, IHostResolver? resolver)
{
    public async Task<DiscoveredCluster> RunAsync(CancellationToken cancellationToken)
    {
        var description = DescribeclusterParser.Parse(await nodetool.RunAsync(cancellationToken, "describecluster").ConfigureAwait(false));
        var status = StatusParser.Parse(await nodetool.RunAsync(cancellationToken, "status").ConfigureAwait(false));
        CrossCheck.DatacenterCounts(nodetool.Host, description, status);

        var planned = await KeyspacePlanner.PlanAsync(nodetool, description, options.Keyspace, cancellationToken).ConfigureAwait(false);
        var pool = new ParsePool();
        var keyspaces = ImmutableArray.CreateBuilder<KeyspaceReplicas>();
        foreach (var keyspace in planned)
        {
            var result = await nodetool.RunRawAsync(cancellationToken, "describering", keyspace.Name).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                var output = result.StandardOutput + "\n" + result.StandardError;
                if (output.Contains("no ring for the keyspace", StringComparison.OrdinalIgnoreCase))
                {
                    // 3.x: only describering tells that a listed keyspace is LocalStrategy.
                    if (keyspace.Requested)
                    {
                        throw KeyspacePlanner.LocalKeyspace(keyspace.Name);
                    }

                    continue;
                }

                if (keyspace.Requested && (output.Contains("does not exist", StringComparison.OrdinalIgnoreCase) || output.Contains("Unknown keyspace", StringComparison.OrdinalIgnoreCase)))
                {
                    throw KeyspacePlanner.NoSuchKeyspace(keyspace.Name, description.Name, []);
                }

                throw new SeedUnusableException(NodetoolClient.Describe(["describering", keyspace.Name], result));
            }

            var ring = DescriberingParser.Parse(result.StandardOutput, pool, keyspace.Name);
            CrossCheck.Endpoints(nodetool.Host, description.Name, keyspace.Name, ring, status);
            ReplicaCrossCheck.Locations(nodetool.Host, description.Name, keyspace.Name, ring, status);
            if (keyspace.Definition is not null)
            {
                ReplicaCrossCheck.Factors(nodetool.Host, description.Name, keyspace.Definition, ring, status);
            }

            keyspaces.Add(new KeyspaceReplicas(keyspace.Definition ?? Infer(keyspace.Name, ring, status), ring.Ranges));
        }

        var versions = await VersionsAsync(description, status, cancellationToken).ConfigureAwait(false);
        var schemas = description.SchemaVersionByAddress();
        var nodes = status.Entries.Select(e => new Node(
            e.Address,
            description.Name,
            e.Datacenter,
            e.Rack,
            e.Status ?? NodeStatus.Down,
            e.State,
            e.HostId,
            e.Load,
            e.Tokens ?? (e.Token is null ? null : 1),
            versions.GetValueOrDefault(e.Address),
            schemas.GetValueOrDefault(e.Address)));
        var topology = new ClusterTopology(description.Name, nodes.ToImmutableArray(), description.SchemaVersions);
        return new DiscoveredCluster(topology, new ReplicaMap(description.Name, keyspaces.ToImmutable()), nodetool.Host, description);
    }

    /// <summary>
    /// 2.x/3.x print no replication: the class is reported as Other and the factors are the largest number of
    /// replicas seen per DC in one range (what the scheduler needs); 4.0+ definitions come from describecluster.
    /// </summary>
    private static KeyspaceDefinition Infer(string name, DescriberingOutput ring, StatusOutput status)
    {
        var dcOf = status.Entries.ToDictionary(e => e.Address, e => e.Datacenter, StringComparer.Ordinal);
        var factors = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var range in ring.Ranges)
        {
            foreach (var group in range.Endpoints.GroupBy(a => dcOf[a], StringComparer.Ordinal))
            {
                factors[group.Key] = Math.Max(factors.GetValueOrDefault(group.Key), group.Count());
            }
        }

        return new KeyspaceDefinition(name, ReplicationClass.Other, factors.ToImmutableSortedDictionary(StringComparer.Ordinal));
    }

    /// <summary>4.0+ prints every node's version; 3.x only lets the seed say its own ('nodetool version').</summary>
    private async Task<ImmutableDictionary<string, string>> VersionsAsync(DescribeclusterOutput description, StatusOutput status, CancellationToken cancellationToken)
    {
        if (!description.DatabaseVersions.IsEmpty)
        {
            return description.DatabaseVersions;
        }

        var version = VersionParser.Parse(await nodetool.RunAsync(cancellationToken, "version").ConfigureAwait(false));
        var addresses = status.Entries.Select(e => e.Address).ToHashSet(StringComparer.Ordinal);
        var seedAddress = await SeedAddressesAsync(cancellationToken).ConfigureAwait(false);
        var match = seedAddress.FirstOrDefault(addresses.Contains);
        return match is null ? ImmutableDictionary<string, string>.Empty : ImmutableDictionary<string, string>.Empty.Add(match, version);
    }

    private async Task<IReadOnlyList<string>> SeedAddressesAsync(CancellationToken cancellationToken)
    {
        var literal = NodeAddress.Normalize(nodetool.Host);
        if (NodeAddress.ToIpAddress(literal) is not null || resolver is null)
        {
            return [literal];
        }

        try
        {
            var resolved = await resolver.ResolveAsync(nodetool.Host, cancellationToken).ConfigureAwait(false);
            return [literal, .. resolved.Select(ip => NodeAddress.Normalize(ip.ToString()))];
        }
        catch (HostResolutionException)
        {
            return [literal];
        }
    }
}
