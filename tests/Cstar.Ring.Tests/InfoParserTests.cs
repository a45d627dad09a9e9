using Cstar.Core.Errors;
using Cstar.Ring.Discovery;
using Cstar.Ring.Info;
using Cstar.TestKit;
using FluentAssertions;
using Xunit;

namespace Cstar.Ring.Tests;

public sealed class InfoParserTests
{
    [Theory]
    [InlineData("3.11.10", "info-node1.txt", "1ab5ec14-e964-49f0-b745-0b49aefe069c", false, "101.8 KiB", 1795316250L, 398L, "dc1", "rack1", 256, 0)]
    [InlineData("3.11.10", "info-node3.txt", "51c79abc-21e8-4136-9b7e-69b0313fadba", false, "97.96 KiB", 1795316382L, 275L, "dc2", "rack1", 256, 0)]
    [InlineData("3.11.10", "info-tokens-node2.txt", "eaa2546a-865e-4e55-8c94-f1b52b66e2f0", false, "92.75 KiB", 1795316315L, 348L, "dc1", "rack2", 256, 256)]
    [InlineData("4.0-alpha4", "info-node1.txt", "90792ae3-dd6e-4c4b-ad35-efa203a5be2e", null, "108.67 KiB", 1795316838L, 528L, "dc1", "rack1", 256, 0)]
    [InlineData("4.0-alpha4", "info-node3.txt", "3c050277-afa4-4751-9530-421f312ba361", null, "98.49 KiB", 1795316948L, 428L, "dc2", "rack1", 256, 0)]
    [InlineData("4.0-alpha4", "info-tokens-node2.txt", "1ddb052d-5a58-45b7-9f3e-2145f4d278c4", null, "98.51 KiB", 1795316897L, 477L, "dc1", "rack2", 256, 256)]
    public void Info_parser_reads_real_output_field_by_field(
        string version, string file, string id, bool? thrift, string load, long generation, long uptime, string dc, string rack, int tokenCount, int listedTokens)
    {
        var info = InfoParser.Parse(Fixtures.RealNodetool(version, file));

        info.Id.Should().Be(Guid.Parse(id));
        info.GossipActive.Should().BeTrue();
        info.ThriftActive.Should().Be(thrift);
        info.NativeTransportActive.Should().BeTrue();
        info.Load.Should().Be(load);
        info.Generation.Should().Be(generation);
        info.UptimeSeconds.Should().Be(uptime);
        info.Datacenter.Should().Be(dc);
        info.Rack.Should().Be(rack);
        info.TokenCount.Should().Be(tokenCount);
        info.Tokens.Should().HaveCount(listedTokens);
        info.Fields["Percent Repaired"].Should().Be("100.0%");
        info.Fields["Heap Memory (MB)"].Should().EndWith("/ 499.25");
    }

    [Theory]
    [InlineData("3.11.10")]
    [InlineData("4.0-alpha4")]
    public void Info_of_a_down_node_is_empty_output_and_an_error(string version)
    {
        Fixtures.RealNodetool(version, "info-node3-down.txt").Should().BeEmpty();
        Fixtures.RealNodetool(version, "info-node3-down.stderr").Should().Contain("Connection refused");

        var act = () => InfoParser.Parse(Fixtures.RealNodetool(version, "info-node3-down.txt"));

        act.Should().Throw<CstarException>().WithMessage("*'nodetool info'*empty output*");
    }

    [Fact]
    public void Info_parser_rejects_an_unknown_key()
    {
        var act = () => InfoParser.Parse("ID                     : 1ab5ec14-e964-49f0-b745-0b49aefe069c\nMood                   : happy\n");

        act.Should().Throw<CstarException>().WithMessage("*line 2 of 'nodetool info'*not a known*Mood*");
    }

    [Theory]
    [InlineData("3.11.10", "3.11.10")]
    [InlineData("4.0-alpha4", "4.0-alpha4")]
    public void Version_parser_reads_the_release_version(string version, string expected) =>
        VersionParser.Parse(Fixtures.RealNodetool(version, "version.txt")).Should().Be(expected);

    [Fact]
    public void Tablestats_keyspace_parser_lists_each_keyspace_once_in_both_spellings()
    {
        const string Text = "Total number of tables: 40\n----------------\nKeyspace : system_traces\n\tRead Count: 0\n\t\tTable: events\n"
            + "----------------\nKeyspace: acc_nts\n\tRead Count: 3\nKeyspace : acc_nts\n";

        TablestatsKeyspaceParser.Parse(Text).Should().Equal("system_traces", "acc_nts");
    }

    [Fact]
    public void Tablestats_keyspace_parser_refuses_output_without_keyspaces()
    {
        var act = () => TablestatsKeyspaceParser.Parse("Total number of tables: 0\n");

        act.Should().Throw<CstarException>().WithMessage("*tablestats*no 'Keyspace : <name>' line*");
    }
}
