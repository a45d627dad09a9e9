using Cstar.Core.Errors;
using Cstar.Core.Replication;
using Cstar.Ring.Describecluster;
using Cstar.TestKit;
using FluentAssertions;
using Xunit;

namespace Cstar.Ring.Tests;

public sealed class DescribeclusterParserTests
{
    [Theory]
    [InlineData("describecluster.txt", "127.0.0.1,127.0.0.2,127.0.0.3", null)]
    [InlineData("describecluster-node3-DN.txt", "127.0.0.1,127.0.0.2", "127.0.0.3")]
    public void Describecluster_parser_reads_3_11_cluster_information_and_schema_versions(string file, string agreeing, string? unreachable)
    {
        var output = DescribeclusterParser.Parse(Fixtures.RealNodetool("3.11.10", file));

        output.Name.Should().Be("acceptance");
        output.Snitch.Should().Be("org.apache.cassandra.locator.GossipingPropertyFileSnitch");
        output.DynamicEndpointSnitch.Should().Be("enabled");
        output.Partitioner.Should().Be("org.apache.cassandra.dht.Murmur3Partitioner");
        string.Join(',', output.SchemaVersions["db81f5d7-d91e-3347-a9bc-86f0a6ad8c8c"]).Should().Be(agreeing);
        output.SchemaVersions.TryGetValue(DescribeclusterOutput.Unreachable, out var down).Should().Be(unreachable is not null);
        if (unreachable is not null)
        {
            down.Should().Equal(unreachable);
        }

        output.HasKeyspaceList.Should().BeFalse();
        output.Keyspaces.Should().BeEmpty();
        output.Datacenters.Should().BeEmpty();
        output.DatabaseVersions.Should().BeEmpty();
        output.Stats.Should().BeEmpty();
    }

    [Theory]
    [InlineData("describecluster.txt", "127.0.0.3,127.0.0.2,127.0.0.1", 0)]
    [InlineData("describecluster-node3-DN.txt", "127.0.0.2,127.0.0.1", 1)]
    public void Describecluster_parser_reads_every_4_0_section(string file, string agreeing, int down)
    {
        var output = DescribeclusterParser.Parse(Fixtures.RealNodetool("4.0-alpha4", file));

        output.Name.Should().Be("acceptance");
        output.Partitioner.Should().Be("org.apache.cassandra.dht.Murmur3Partitioner");
        string.Join(',', output.SchemaVersions["fa4f8bee-474a-3603-8b45-d12b53b619bf"]).Should().Be(agreeing);
        output.Stats.Should().Equal(new Dictionary<string, int> { ["Live"] = 3 - down, ["Joining"] = 0, ["Moving"] = 0, ["Leaving"] = 0, ["Unreachable"] = down });
        output.Datacenters.Should().Equal(new DatacenterCount("dc1", 2, 0), new DatacenterCount("dc2", 1, down));
        output.DatabaseVersions.Should().Equal(new Dictionary<string, string>
        {
            ["127.0.0.1"] = "4.0.0-alpha4",
            ["127.0.0.2"] = "4.0.0-alpha4",
            ["127.0.0.3"] = "4.0.0-alpha4",
        });
        output.HasKeyspaceList.Should().BeTrue();
        output.Keyspaces.Select(k => k.Name).Should().Equal("system_schema", "system", "system_auth", "system_distributed", "system_traces", "acc_nts");
        output.Keyspaces[0].Should().BeEquivalentTo(KeyspaceDefinition.Local("system_schema"));
        output.Keyspaces[2].Should().BeEquivalentTo(KeyspaceDefinition.Simple("system_auth", 1));
        output.Keyspaces[3].FactorFor("any").Should().Be(3);
        output.Keyspaces[4].FactorFor("any").Should().Be(2);
        output.Keyspaces[5].Class.Should().Be(ReplicationClass.NetworkTopology);
        output.Keyspaces[5].ReplicationFactors.Should().Equal(new Dictionary<string, int> { ["dc1"] = 2, ["dc2"] = 1 });
    }

    [Fact]
    public void Describecluster_parser_reads_dc_names_with_spaces_ipv6_versions_and_other_strategies()
    {
        const string Text = "Cluster Information:\n\tName: Prod Cluster 1\n\tSnitch: s\n\tDynamicEndPointSnitch: enabled\n\tPartitioner: p\n\tSchema versions:\n"
            + "\t\tfa4f8bee-474a-3603-8b45-d12b53b619bf: [2001:db8:0:0:0:0:0:1, 10.0.0.2]\n\n"
            + "Data Centers: \n\tDC one.east-1 #Nodes: 2 #Down: 0\n\n"
            + "Database versions:\n\t4.1.3: [[2001:db8::1]:7000, 10.0.0.2:7000]\n\n"
            + "Keyspaces:\n\tks_t -> Replication class: org.apache.cassandra.locator.NetworkTopologyStrategy {DC one.east-1=3/1}\n"
            + "\tks_e -> Replication class: EverywhereStrategy {}\n";

        var output = DescribeclusterParser.Parse(Text);

        output.Name.Should().Be("Prod Cluster 1");
        output.Datacenters.Should().Equal(new DatacenterCount("DC one.east-1", 2, 0));
        output.DatabaseVersions.Keys.Should().BeEquivalentTo("2001:db8::1", "10.0.0.2");
        output.SchemaVersionByAddress()["2001:db8::1"].Should().Be("fa4f8bee-474a-3603-8b45-d12b53b619bf");
        output.Keyspaces[0].ReplicationFactors.Should().Equal(new Dictionary<string, int> { ["DC one.east-1"] = 3 });
        output.Keyspaces[1].Class.Should().Be(ReplicationClass.Other);
    }

    [Theory]
    [InlineData("Cluster Information:\n\tName: a\n\tColour: blue\n", 3, "not a known Cluster Information field")]
    [InlineData("Cluster Information:\n\tName: a\n\tSchema versions:\n\t\tnot-a-uuid: [10.0.0.1]\n", 4, "not a UUID")]
    [InlineData("Cluster Information:\n\tName: a\nKeyspaces:\n\tks -> Replication class: SimpleStrategy {replication_factor=three}\n", 4, "is not a number")]
    [InlineData("Cluster Information:\n\tName: a\nData Centers:\n\tdc1 #Nodes: x #Down: 0\n", 4, "#Nodes")]
    [InlineData("Hello\n", 1, "not a known section")]
    public void Describecluster_parser_rejects_lines_it_cannot_read(string text, int line, string problem)
    {
        var act = () => DescribeclusterParser.Parse(text);

        act.Should().Throw<CstarException>().WithMessage($"*line {line} of 'nodetool describecluster'*{problem}*");
    }
}
