using Cstar.Core.Replication;
using Cstar.Simulator.Spec;
using Cstar.Simulator.Tests.Support;
using Cstar.TestKit;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Simulator.Tests;

public sealed class RingBuilderTests
{
    [Fact]
    public void Generated_rings_spread_nodes_over_datacenters_and_racks_with_seeded_tokens()
    {
        var spec = RingBuilder.Create().WithGeneratedNodes(12, datacenters: 2, racksPerDatacenter: 3, vnodes: 8, seed: 42).Build();

        spec.Nodes.Should().HaveCount(12);
        spec.Nodes.Select(n => n.Address).Should().StartWith(["127.0.0.1", "127.0.0.2"]);
        spec.Nodes.GroupBy(n => (n.Datacenter, n.Rack)).Should().HaveCount(6).And.OnlyContain(g => g.Count() == 2);
        spec.Nodes.SelectMany(n => n.Tokens).Should().OnlyHaveUniqueItems().And.HaveCount(96);
        RingBuilder.Create().WithGeneratedNodes(12, 2, 3, 8, seed: 42).Build().Nodes.Should().BeEquivalentTo(spec.Nodes, o => o.WithStrictOrdering());
        RingBuilder.Create().WithGeneratedNodes(12, 2, 3, 8, seed: 43).Build().Nodes[0].Tokens.Should().NotEqual(spec.Nodes[0].Tokens);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(257)]
    public void Vnodes_outside_1_to_256_are_rejected(int vnodes)
    {
        var build = () => RingBuilder.Create().WithGeneratedNodes(3, 1, 1, vnodes, seed: 1);

        build.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Addresses_beyond_254_nodes_count_on_through_the_loopback_range()
    {
        RingBuilder.LoopbackAddress(0).Should().Be("127.0.0.1");
        RingBuilder.LoopbackAddress(255).Should().Be("127.0.1.0");
        RingBuilder.LoopbackAddress(999).Should().Be("127.0.3.232");
    }

    [Fact]
    public void Tokens_are_loaded_from_a_captured_ring_output()
    {
        var spec = CapturedCluster.Builder("3.11.10", "status.txt").Build();

        spec.Nodes.Should().OnlyContain(n => n.Tokens.Length == 256);
        spec.Nodes[1].Tokens.Should().Contain(-9073986846675028056L);
        var infoTokens = Fixtures.RealNodetool("3.11.10", "info-tokens-node2.txt").Split('\n')
            .Where(l => l.StartsWith("Token", StringComparison.Ordinal)).Select(l => long.Parse(l[25..]));
        spec.Nodes[1].Tokens.Should().BeEquivalentTo(infoTokens);
    }

    [Fact]
    public void Duplicate_addresses_are_refused()
    {
        var node = RingBuilder.Create().WithGeneratedNodes(1, 1, 1, 1, seed: 1).Nodes[0];

        var build = () => RingBuilder.Create().WithNode(node).WithNode(node).Build();

        build.Should().Throw<InvalidOperationException>().WithMessage("*127.0.0.1*");
    }

    [Fact]
    public void A_node_with_no_tokens_is_refused_when_the_ring_is_built()
    {
        var spec = RingBuilder.Create().WithGeneratedNodes(1, 1, 1, 1, seed: 1).Build();

        var create = () => new SimulatedRing(spec with { Nodes = [spec.Nodes[0].WithTokens([])] }, new ManualClock());

        create.Should().Throw<ArgumentException>().WithMessage("*has 0 tokens*");
    }

    [Fact]
    public void Every_ring_has_the_system_keyspaces_with_their_default_replication()
    {
        var keyspaces = RingBuilder.Create().WithGeneratedNodes(3, 1, 1, 4, seed: 1).Build().Keyspaces;

        keyspaces.Select(k => (k.Name, k.Class)).Should().Equal(
            ("system_schema", ReplicationClass.Local),
            ("system", ReplicationClass.Local),
            ("system_auth", ReplicationClass.Simple),
            ("system_distributed", ReplicationClass.Simple),
            ("system_traces", ReplicationClass.Simple));
    }

    [Fact]
    public void Unknown_addresses_are_a_programming_error()
    {
        var ring = new SimulatedRing(RingBuilder.Create().WithGeneratedNodes(1, 1, 1, 1, seed: 1).Build(), new ManualClock());

        var run = () => ring.RunNodetool("127.0.0.99", ["status"]);

        run.Should().Throw<ArgumentException>().WithMessage("*127.0.0.99*");
    }

    [Fact]
    public void Ring_output_tokens_match_an_ipv6_node_however_its_address_is_spelled()
    {
        var node = RingBuilder.Create().WithGeneratedNodes(1, 1, 1, 1, seed: 1).Nodes[0] with { Address = "::1" };
        const string Ring = "0:0:0:0:0:0:0:1  rack1       Up     Normal  1 KiB           100.00%             42                                          \n";

        var spec = RingBuilder.Create().WithNode(node).WithTokensFromRingOutput(Ring).Build();

        spec.Nodes[0].Tokens.Should().Equal(42L);
    }
}
