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
/// Reads one cluster through one seed, in two rounds of concurrent nodetool calls: describecluster, status and (unless
/// --keyspace) the 2.x/3.x keyspace list (tablestats, dropped as soon as describecluster lists the keyspaces itself,
/// as 4.0+ does); then describering per keyspace the job reads and, on 2.x/3.x, the seed's version. Every command runs
/// on the same seed, so the views agree with each other. The first failure cancels the calls still running.
/// </summary>
internal sealed class ClusterProbe(NodetoolClient nodetool, DiscoveryOptions options, IHostResolver? resolver)
{
    public async Task<DiscoveredCluster> RunAsync(CancellationToken cancellationToken)
    {
        using var calls = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var listing = CancellationTokenSource.CreateLinkedTokenSource(calls.Token);
        var pending = new List<Task>();
        Task<T> Start<T>(Task<T> task)
        {
            pending.Add(task);
            return task;
        }

        var describecluster = Start(nodetool.RunAsync(calls.Token, "describecluster"));
        var statusSentAt = options.Time.GetUtcNow();
        var statusText = Start(nodetool.RunAsync(calls.Token, "status"));
        var tablestats = options.Keyspace is null ? Start(nodetool.RunAsync(listing.Token, "tablestats")) : null;
        try
        {
            var description = DescribeclusterParser.Parse(await describecluster.ConfigureAwait(false));
            if (description.HasKeyspaceList)
            {
                await listing.CancelAsync().ConfigureAwait(false);
            }

            var versionText = description.DatabaseVersions.IsEmpty ? Start(nodetool.RunAsync(calls.Token, "version")) : null;
            var status = StatusParser.Parse(await statusText.ConfigureAwait(false));
            options.OnNodesKnown?.Invoke([.. status.Entries.Select(e => (e.Address, e.Datacenter, e.Rack))]);
            CrossCheck.DatacenterCounts(nodetool.Host, description, status);
            var planned = await KeyspacePlanner.PlanAsync(() => tablestats ?? Task.FromResult(string.Empty), description, options.Keyspace, options.ReadsKeyspace).ConfigureAwait(false);
            var keyspaces = await KeyspaceRingReader.ReadAsync(nodetool, planned, description, status, calls.Token).ConfigureAwait(false);
            var versions = await VersionsAsync(description, status, versionText, cancellationToken).ConfigureAwait(false);
            return Assemble(description, status, versions, keyspaces) with { StatusSentAt = statusSentAt };
        }
        finally
        {
            // A failure (or a dropped listing) leaves calls running: stop them and let them end before the seed is left.
            await calls.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(pending.Select(t => t.ContinueWith(done => _ = done.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default))).ConfigureAwait(false);
        }
    }

    private DiscoveredCluster Assemble(DescribeclusterOutput description, StatusOutput status, ImmutableDictionary<string, string> versions, ImmutableArray<KeyspaceReplicas> keyspaces)
    {
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
        return new DiscoveredCluster(topology, new ReplicaMap(description.Name, keyspaces), nodetool.Host, description);
    }

    /// <summary>
    /// 2.x/3.x print no replication: the class is reported as Other and the factors are the largest number of
    /// replicas seen per DC in one range (what the scheduler needs); 4.0+ definitions come from describecluster.
    /// </summary>
    internal static KeyspaceDefinition Infer(string name, DescriberingOutput ring, StatusOutput status)
    {
        // Counted per DC index, each pooled replica list once: a 1,000-node keyspace has 256,000 ranges.
        var dcs = status.Entries.Select(e => e.Datacenter).Distinct(StringComparer.Ordinal).ToList();
        var dcOf = status.Entries.ToDictionary(e => e.Address, e => dcs.IndexOf(e.Datacenter), StringComparer.Ordinal);
        var factors = new int[dcs.Count];
        var counts = new int[dcs.Count];
        foreach (var endpoints in ring.DistinctReplicaLists())
        {
            Array.Clear(counts);
            foreach (var address in endpoints)
            {
                var dc = dcOf[address];
                factors[dc] = Math.Max(factors[dc], ++counts[dc]);
            }
        }

        return new KeyspaceDefinition(name, ReplicationClass.Other, dcs.Select((dc, i) => KeyValuePair.Create(dc, factors[i])).Where(f => f.Value > 0).ToImmutableSortedDictionary(StringComparer.Ordinal));
    }

    /// <summary>4.0+ prints every node's version; 3.x only lets the seed say its own ('nodetool version').</summary>
    private async Task<ImmutableDictionary<string, string>> VersionsAsync(DescribeclusterOutput description, StatusOutput status, Task<string>? versionText, CancellationToken cancellationToken)
    {
        if (versionText is null)
        {
            return description.DatabaseVersions;
        }

        var version = VersionParser.Parse(await versionText.ConfigureAwait(false));
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
