using Cstar.Core.Errors;
using Cstar.Core.Topology;
using Cstar.Ring.Info;
using Cstar.Ring.RingOutput;
using Cstar.TestKit;
using FluentAssertions;
using Xunit;

namespace Cstar.Ring.Tests;

public sealed class RingParserTests
{
    public static TheoryData<string, string, string, string, string> RealRings => new()
    {
        { "3.11.10", "ring.txt", "dc1|127.0.0.1|rack1|Up|Normal|101.8 KiB|100.00|-9124483207869859946", "9192016855069800076", "9222784484933610826" },
        { "3.11.10", "ring-keyspace-acc_nts.txt", "dc1|127.0.0.1|rack1|Up|Normal|101.8 KiB|100.00|-9124483207869859946", "9192016855069800076", "9222784484933610826" },
        { "3.11.10", "ring-node3-DN.txt", "dc1|127.0.0.1|rack1|Up|Normal|101.8 KiB|100.00|-9124483207869859946", "9192016855069800076", "9222784484933610826" },
        { "4.0-alpha4", "ring.txt", "dc1|127.0.0.2|rack2|Up|Normal|98.51 KiB|100.00|-9201673076948183850", "9215950234117621037", "9189887967555855488" },
        { "4.0-alpha4", "ring-keyspace-acc_nts.txt", "dc1|127.0.0.2|rack2|Up|Normal|98.51 KiB|100.00|-9201673076948183850", "9215950234117621037", "9189887967555855488" },
        { "4.0-alpha4", "ring-node3-DN.txt", "dc1|127.0.0.2|rack2|Up|Normal|98.51 KiB|100.00|-9201673076948183850", "9215950234117621037", "9189887967555855488" },
    };

    [Theory]
    [MemberData(nameof(RealRings))]
    public void Ring_parser_reads_every_token_row_of_real_output(string version, string file, string firstRow, string dc1Wrap, string dc2Wrap)
    {
        var ring = RingParser.Parse(Fixtures.RealNodetool(version, file));

        ring.Datacenters.Should().Equal("dc1", "dc2");
        ring.Entries.Should().HaveCount(768);
        RowFormat.Of(ring.Entries[0]).Should().Be(firstRow);
        ring.WrapTokens.Should().Equal(new Dictionary<string, string> { ["dc1"] = dc1Wrap, ["dc2"] = dc2Wrap });
        ring.TokenCounts().Should().Equal(new Dictionary<string, int> { ["127.0.0.1"] = 256, ["127.0.0.2"] = 256, ["127.0.0.3"] = 256 });
        ring.Entries.Where(e => e.Datacenter == "dc1").Last().Token.Should().Be(dc1Wrap, "the wrap-around line repeats the DC's last token");
        ring.Entries.Where(e => e.Datacenter == "dc2").Last().Token.Should().Be(dc2Wrap);
        ring.Entries.Select(e => e.Rack).Distinct().Should().BeEquivalentTo("rack1", "rack2");
        ring.Entries.Should().OnlyContain(e => e.OwnsPercent == 100.0 && e.State == NodeState.Normal);
        var expectedDc3Status = file.Contains("DN", StringComparison.Ordinal) ? NodeStatus.Down : NodeStatus.Up;
        ring.Entries.Where(e => e.Address == "127.0.0.3").Should().OnlyContain(e => e.Status == expectedDc3Status && e.Datacenter == "dc2");
        ring.Entries.Where(e => e.Address != "127.0.0.3").Should().OnlyContain(e => e.Status == NodeStatus.Up && e.Datacenter == "dc1");
    }

    [Theory]
    [InlineData("3.11.10")]
    [InlineData("4.0-alpha4")]
    public void Ring_tokens_of_a_node_are_the_tokens_its_info_lists(string version)
    {
        var ring = RingParser.Parse(Fixtures.RealNodetool(version, "ring.txt"));
        var info = InfoParser.Parse(Fixtures.RealNodetool(version, "info-tokens-node2.txt"));

        ring.Entries.Where(e => e.Address == "127.0.0.2").Select(e => e.Token).Order(StringComparer.Ordinal).Should().Equal(info.Tokens.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Ring_parser_reads_racks_with_spaces_IPv6_ip_port_and_unknown_values()
    {
        const string Text = """

            Datacenter: DC one.east-1
            ==========
            Address                   Rack        Status State   Load            Owns                Token
                                                                                                     100
            2001:db8::1               rack 1 a    Up     Joining 1.5 GiB         33.33%              -50
            [2001:db8::2]:7000        us-east-1.b Down   Leaving ?               ?                   10
            10.0.0.3:7000             r-3         Up     Moving  12 bytes        12.50%              100

              Warning: "nodetool ring" is used to output all the tokens of a node.
              To view status related info of a node use "nodetool status" instead.
            """;

        var ring = RingParser.Parse(Text);

        ring.Entries.Select(RowFormat.Of).Should().Equal(
            "DC one.east-1|2001:db8::1|rack 1 a|Up|Joining|1.5 GiB|33.33|-50",
            "DC one.east-1|2001:db8::2|us-east-1.b|Down|Leaving|?|?|10",
            "DC one.east-1|10.0.0.3|r-3|Up|Moving|12 bytes|12.50|100");
        ring.Entries.Select(e => e.Port).Should().Equal(null, 7000, 7000);
    }

    [Fact]
    public void Ring_parser_rejects_an_unreadable_row_with_its_line_number()
    {
        var lines = Fixtures.RealNodetool("3.11.10", "ring.txt").Split('\n').ToList();
        lines[9] = "127.0.0.1  rack1       Sideways Normal  101.8 KiB       100.00%             -8893695029866841115";

        var act = () => RingParser.Parse(string.Join('\n', lines));

        act.Should().Throw<CstarException>().WithMessage("*line 10 of 'nodetool ring'*unknown status 'Sideways'*");
    }
}
