using Cstar.Core.Errors;
using Cstar.Simulator.Host.Cluster;
using Cstar.Simulator.Host.Cql;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Loopback;

/// <summary>The address plan, the placement of nodes and the CQL frames, without starting anything.</summary>
public sealed class ClusterSpecTests
{
    [Fact]
    public void Host_addresses_fill_127_N_1_1_to_250_then_the_next_block_and_never_take_127_0_0_1()
    {
        var spec = ClusterSpec.From(new ClusterOptions { Directory = "/tmp/x", HostCount = 501, Network = 10 });

        spec.Nodes[0].Address.Should().Be("127.10.1.1");
        spec.Nodes[249].Address.Should().Be("127.10.1.250");
        spec.Nodes[250].Address.Should().Be("127.10.2.1");
        spec.Nodes[500].Address.Should().Be("127.10.3.1");
        spec.Nodes.Select(n => n.Address).Should().OnlyHaveUniqueItems().And.NotContain("127.0.0.1");
        spec.Nodes[41].HostName.Should().Be("node042");
    }

    [Fact]
    public void Nodes_spread_evenly_over_data_centers_and_racks()
    {
        var spec = ClusterSpec.From(new ClusterOptions { Directory = "/tmp/x", HostCount = 12, Datacenters = 2, Racks = 3 });

        spec.Nodes.GroupBy(n => (n.Datacenter, n.Rack)).Should().HaveCount(6).And.OnlyContain(g => g.Count() == 2);
    }

    [Theory]
    [InlineData("4.0", "4.0-alpha4")]
    [InlineData("3.11", "3.11.10")]
    [InlineData("3.11.4", "3.11.4")]
    public void Short_versions_map_to_the_versions_whose_nodetool_output_we_hold(string asked, string resolved) =>
        ClusterSpec.From(new ClusterOptions { Directory = "/tmp/x", CassandraVersion = asked }).CassandraVersion.Should().Be(resolved);

    [Fact]
    public void A_network_outside_1_to_254_is_a_user_error_with_a_hint()
    {
        var act = () => ClusterSpec.From(new ClusterOptions { Directory = "/tmp/x", Network = 0 });

        act.Should().Throw<CstarException>().Which.Hint.Should().Contain("--network");
    }

    [Fact]
    public void Supported_answers_the_request_stream_with_a_v4_response_header_and_the_3_11_cql_version()
    {
        var frame = CqlFrames.Supported(0x04, 0x0102, "3.11.10");

        frame[..5].Should().Equal(0x84, 0x00, 0x01, 0x02, CqlFrames.OpSupported);
        (frame.Length - CqlFrames.HeaderLength).Should().Be((frame[7] << 8) | frame[8]);
        System.Text.Encoding.UTF8.GetString(frame).Should().Contain("CQL_VERSION").And.Contain("3.4.4").And.Contain("PROTOCOL_VERSIONS");
    }
}
