using System.Collections.Immutable;

namespace Cstar.Simulator.Spec;

/// <summary>
/// Builds a ring for hosts whose placement is already decided (the loopback cluster's address plan, the demo):
/// each host keeps its address, name, DC, rack and version; tokens and host ids come from the seed.
/// </summary>
public static class RingBuilderHostExtensions
{
    public static RingBuilder WithHosts(this RingBuilder builder, IEnumerable<SimulatedNodeInfo> hosts, int vnodes, int seed)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(hosts);
        ArgumentOutOfRangeException.ThrowIfLessThan(vnodes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(vnodes, 256);
        var random = new Random(seed);
        var used = new HashSet<long>();
        foreach (var host in hosts)
        {
            var tokens = ImmutableArray.CreateBuilder<long>(vnodes);
            while (tokens.Count < vnodes)
            {
                var token = random.NextInt64(long.MinValue, long.MaxValue);
                if (token != long.MinValue && used.Add(token))
                {
                    tokens.Add(token);
                }
            }

            var id = new byte[16];
            random.NextBytes(id);
            id[7] = (byte)((id[7] & 0x0F) | 0x40);
            id[8] = (byte)((id[8] & 0x3F) | 0x80);
            builder = builder.WithNode(new NodeSpec(
                host.Address, host.HostName, host.Datacenter, host.Rack, new Guid(id), tokens.MoveToImmutable(),
                LoadBytes: 100_000 + random.Next(0, 50_000), host.CassandraVersion));
        }

        return builder.WithSeed(seed);
    }
}
