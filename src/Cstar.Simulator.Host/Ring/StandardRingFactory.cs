using Cstar.Core.Replication;
using Cstar.Simulator;
using Cstar.Simulator.Spec;

namespace Cstar.Simulator.Host.Ring;

/// <summary>
/// The real ring model for the loopback cluster: the spec's hosts with seeded tokens, the system keyspaces
/// as a production cluster sets them (system_auth and system_distributed replicated 3 times per DC and
/// system_traces twice, with NetworkTopologyStrategy, as the Cassandra docs advise)
/// and one application keyspace replicated 3 times in every DC (so that safety rules have work to do).
/// </summary>
public static class StandardRingFactory
{
    public const string ApplicationKeyspace = "app";

    public static SimulatedRingFactory Create(
        TimeProvider time,
        int vnodes = 16,
        int seed = 1,
        TimeSpan? minGossipDelay = null,
        TimeSpan? maxGossipDelay = null,
        bool ipv6Addresses = false) =>
        spec =>
        {
            var hosts = spec.Nodes;
            if (ipv6Addresses)
            {
                // The ring speaks IPv6 (fd00:c57a::N, text only); its hosts stay reachable on their 127.x addresses.
                hosts = [.. spec.Nodes.Select((n, i) => n with { Address = "fd00:c57a::" + (i + 1).ToString("x", System.Globalization.CultureInfo.InvariantCulture) })];
            }

            var dcs = spec.Nodes.Select(n => n.Datacenter).Distinct(StringComparer.Ordinal)
                .Select(dc => new KeyValuePair<string, int>(dc, Math.Min(3, spec.Nodes.Count(n => n.Datacenter == dc))));
            var perDc = dcs.ToList();
            var ring = (RingBuilder.Create("Loopback Cluster") with
                {
                    Keyspaces =
                    [
                        KeyspaceDefinition.Local("system_schema"),
                        KeyspaceDefinition.Local("system"),
                        KeyspaceDefinition.NetworkTopology("system_auth", perDc),
                        KeyspaceDefinition.NetworkTopology("system_distributed", perDc),
                        KeyspaceDefinition.NetworkTopology("system_traces", perDc.Select(p => new KeyValuePair<string, int>(p.Key, Math.Min(2, p.Value)))),
                        KeyspaceDefinition.NetworkTopology(ApplicationKeyspace, perDc),
                    ],
                })
                .WithHosts(hosts, vnodes, seed)
                .WithGossipDelay(minGossipDelay ?? TimeSpan.FromMilliseconds(200), maxGossipDelay ?? TimeSpan.FromSeconds(2))
                .Build();
            var model = new SimulatedRing(ring, time);
            return ipv6Addresses
                ? new AddressMappedRing(model, hosts.Zip(spec.Nodes).ToDictionary(p => p.First.Address, p => p.Second.Address, StringComparer.Ordinal))
                : model;
        };
}
