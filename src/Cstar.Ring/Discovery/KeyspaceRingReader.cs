using System.Collections.Immutable;
using Cstar.Core.Ports;
using Cstar.Core.Replication;
using Cstar.Ring.Describecluster;
using Cstar.Ring.Parsing;
using Cstar.Ring.Status;

namespace Cstar.Ring.Discovery;

/// <summary>
/// The describering of every planned keyspace: all asked at once (the client bounds how many run together), each
/// parsed while it streams in (a 1,000-node ring prints ~140 MB per keyspace: never held whole), then checked in plan
/// order, so the first keyspace's error is the one reported. A keyspace the job's policy leaves out is kept by name,
/// without ranges.
/// </summary>
internal static class KeyspaceRingReader
{
    public static async Task<ImmutableArray<KeyspaceReplicas>> ReadAsync(
        NodetoolClient nodetool, ImmutableArray<PlannedKeyspace> planned, DescribeclusterOutput description, StatusOutput status, CancellationToken cancellationToken)
    {
        var pool = new ParsePool();
        var gate = new ParseGate();
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var rings = planned.Select((k, i) => k.Read ? ReadOneAsync(nodetool, new DescriberingFeed(pool, gate, i, k.Name), k.Name, reading.Token) : null).ToList();
        try
        {
            return await CheckInOrderAsync(nodetool, planned, rings, description, status).ConfigureAwait(false);
        }
        finally
        {
            // A failure leaves later keyspaces streaming: stop them and let them end before the seed is left.
            await reading.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(rings.OfType<Task>().Select(t => t.ContinueWith(done => _ = done.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default))).ConfigureAwait(false);
        }
    }

    private static async Task<ImmutableArray<KeyspaceReplicas>> CheckInOrderAsync(
        NodetoolClient nodetool, ImmutableArray<PlannedKeyspace> planned, List<Task<(CommandResult Result, DescriberingFeed Feed)>?> rings, DescribeclusterOutput description, StatusOutput status)
    {
        var keyspaces = ImmutableArray.CreateBuilder<KeyspaceReplicas>();
        for (var i = 0; i < planned.Length; i++)
        {
            var keyspace = planned[i];
            if (rings[i] is not { } pending)
            {
                keyspaces.Add(new KeyspaceReplicas(keyspace.Definition ?? new KeyspaceDefinition(keyspace.Name, ReplicationClass.Other, ImmutableSortedDictionary<string, int>.Empty), []));
                continue;
            }

            var (result, feed) = await pending.ConfigureAwait(false);
            if (!result.Succeeded)
            {
                if (Skip(keyspace, result, description))
                {
                    continue;
                }

                throw new SeedUnusableException(NodetoolClient.Describe(["describering", keyspace.Name], result));
            }

            var ring = feed.Output();
            CrossCheck.Endpoints(nodetool.Host, description.Name, keyspace.Name, ring, status);
            ReplicaCrossCheck.Locations(nodetool.Host, description.Name, keyspace.Name, ring, status);
            if (keyspace.Definition is not null)
            {
                ReplicaCrossCheck.Factors(nodetool.Host, description.Name, keyspace.Definition, ring, status);
            }

            keyspaces.Add(new KeyspaceReplicas(keyspace.Definition ?? ClusterProbe.Infer(keyspace.Name, ring, status), ring.Ranges));
        }

        return keyspaces.ToImmutable();
    }

    private static async Task<(CommandResult Result, DescriberingFeed Feed)> ReadOneAsync(NodetoolClient nodetool, DescriberingFeed feed, string keyspace, CancellationToken cancellationToken)
    {
        var exitCode = await nodetool.StreamAsync(feed.AcceptAsync, cancellationToken, "describering", keyspace).ConfigureAwait(false);
        return (await feed.EndAsync(exitCode).ConfigureAwait(false), feed);
    }

    /// <summary>A failed describering that is an answer: a listed keyspace that is LocalStrategy (3.x) is skipped; a requested one that is local or missing is an error.</summary>
    private static bool Skip(PlannedKeyspace keyspace, CommandResult result, DescribeclusterOutput description)
    {
        var output = result.StandardOutput + "\n" + result.StandardError;
        if (output.Contains("no ring for the keyspace", StringComparison.OrdinalIgnoreCase))
        {
            // 3.x: only describering tells that a listed keyspace is LocalStrategy.
            return keyspace.Requested ? throw KeyspacePlanner.LocalKeyspace(keyspace.Name) : true;
        }

        if (keyspace.Requested && (output.Contains("does not exist", StringComparison.OrdinalIgnoreCase) || output.Contains("Unknown keyspace", StringComparison.OrdinalIgnoreCase)))
        {
            throw KeyspacePlanner.NoSuchKeyspace(keyspace.Name, description.Name, []);
        }

        return false;
    }
}
