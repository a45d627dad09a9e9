using Cstar.Core.Replication;
using Cstar.Simulator;
using Cstar.Simulator.Spec;

namespace Cstar.Simulator.Host.Ring;

/// <summary>
/// The real ring model for the loopback cluster: the spec's hosts with seeded tokens, the system keyspaces
/// of the spec's profile (stock: as the spec's Cassandra version ships them, SimpleStrategy system_auth RF 1,
/// system_distributed RF 3, system_traces RF 2, see <see cref="SystemKeyspaceDefaults"/>; hardened:
/// NetworkTopologyStrategy in every DC) and one application keyspace replicated 3 times in every DC (so
/// that safety rules have work to do).
/// </summary>
public static class StandardRingFactory
{
    public const string ApplicationKeyspace = "app";

    /// <param name="profile">Overrides the spec's <see cref="Cluster.ClusterSpec.Profile"/>.</param>
    public static SimulatedRingFactory Create(
        TimeProvider time,
        int vnodes = 16,
        int seed = 1,
        TimeSpan? minGossipDelay = null,
        TimeSpan? maxGossipDelay = null,
        bool ipv6Addresses = false,
        SystemKeyspaceProfile? profile = null) =>
        spec =>
        {
            var hosts = spec.Nodes;
            if (ipv6Addresses)
            {
                // The ring speaks IPv6 (fd00:c57a::N, text only); its hosts stay reachable on their 127.x addresses.
                hosts = [.. spec.Nodes.Select((n, i) => n with { Address = "fd00:c57a::" + (i + 1).ToString("x", System.Globalization.CultureInfo.InvariantCulture) })];
            }

            var nodesPerDc = spec.Nodes.GroupBy(n => n.Datacenter, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var appFactors = nodesPerDc.Select(dc => new KeyValuePair<string, int>(dc.Key, Math.Min(3, dc.Value)));
            var ring = (RingBuilder.Create("Loopback Cluster") with
            {
                Keyspaces =
                    [
                        .. SystemKeyspaceDefaults.For(profile ?? spec.Profile, spec.CassandraVersion, nodesPerDc),
                        KeyspaceDefinition.NetworkTopology(ApplicationKeyspace, appFactors),
                    ],
            })
                .WithHosts(hosts, vnodes, seed)
                .WithGossipDelay(minGossipDelay ?? TimeSpan.FromMilliseconds(200), maxGossipDelay ?? TimeSpan.FromSeconds(2))
                .Build();

            // Real host ids are random per node: two loopback clusters built from the same seed must not share them
            // (the machine-wide cluster lock is keyed by name and host ids). Each id mixes in the host's 127.N address.
            ring = ring with { Nodes = [.. ring.Nodes.Select((n, i) => n with { HostId = UniqueHostId(n.HostId, spec.Nodes[i].Address) })] };
            var model = new SimulatedRing(ring, time);
            return ipv6Addresses
                ? new AddressMappedRing(model, hosts.Zip(spec.Nodes).ToDictionary(p => p.First.Address, p => p.Second.Address, StringComparer.Ordinal))
                : model;
        };

    private static Guid UniqueHostId(Guid seeded, string address)
    {
        var bytes = seeded.ToByteArray();
        var mix = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(address));
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] ^= mix[i];
        }

        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
