using Cstar.Core.Errors;
using Cstar.Core.Topology;
using Cstar.Ring.Status;
using FluentAssertions;
using Xunit;

namespace Cstar.Ring.Tests;

public sealed class StatusParserCraftedTests
{
    private const string Id1 = "1ab5ec14-e964-49f0-b745-0b49aefe069c";
    private const string Id2 = "eaa2546a-865e-4e55-8c94-f1b52b66e2f0";
    private const string Id3 = "51c79abc-21e8-4136-9b7e-69b0313fadba";
    private const string Id4 = "3c050277-afa4-4751-9530-421f312ba361";

    public static TheoryData<string> Layouts => new() { "3.11", "4.0" };

    private static string Build(string layout, params (string Dc, StatusText.Row[] Rows)[] dcs) =>
        layout == "3.11" ? StatusText.V311(dcs) : StatusText.V40(dcs);

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Status_parser_reads_IPv6_full_and_compressed_and_normalises_them(string layout)
    {
        var text = Build(layout, ("dc1", [
            new("UN", "2001:0db8:0000:0000:0000:0000:0000:0001", "101.8 KiB", "256", "33.3%", Id1, "rack1"),
            new("UN", "fd00::2", "92.75 KiB", "256", "33.3%", Id2, "rack1"),
            new("UN", "0:0:0:0:0:0:0:1", "97.96 KiB", "256", "33.4%", Id3, "rack1")]));

        StatusParser.Parse(text).Entries.Select(RowFormat.Of).Should().Equal(
            $"dc1|UN|2001:db8::1|-|101.8 KiB|256|33.3|{Id1}|rack1",
            $"dc1|UN|fd00::2|-|92.75 KiB|256|33.3|{Id2}|rack1",
            $"dc1|UN|::1|-|97.96 KiB|256|33.4|{Id3}|rack1");
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Status_parser_splits_the_port_from_ip_port_addresses(string layout)
    {
        var text = Build(layout, ("dc1", [
            new("UN", "127.0.0.1:7000", "101.8 KiB", "256", "?", Id1, "rack1"),
            new("UN", "[2001:db8::5]:7001", "92.75 KiB", "256", "?", Id2, "rack1")]));

        StatusParser.Parse(text).Entries.Select(RowFormat.Of).Should().Equal(
            $"dc1|UN|127.0.0.1|7000|101.8 KiB|256|?|{Id1}|rack1",
            $"dc1|UN|2001:db8::5|7001|92.75 KiB|256|?|{Id2}|rack1");
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Status_parser_keeps_rack_and_dc_names_with_spaces_dots_and_dashes(string layout)
    {
        var text = Build(
            layout,
            ("DC one.east-1", [
                new("UN", "10.0.0.1", "1.5 GiB", "16", "50.0%", Id1, "rack with spaces"),
                new("UN", "10.0.0.2", "1.5 GiB", "16", "50.0%", Id2, "us-east-1.a")]),
            ("dc-2", [new("UN", "10.0.0.3", "1.5 GiB", "16", "100.0%", Id3, "r-1 b.c")]));

        var output = StatusParser.Parse(text);

        output.Datacenters.Should().Equal("DC one.east-1", "dc-2");
        output.Entries.Select(e => (e.Datacenter, e.Rack)).Should().Equal(
            ("DC one.east-1", "rack with spaces"), ("DC one.east-1", "us-east-1.a"), ("dc-2", "r-1 b.c"));
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Status_parser_reads_unknown_load_and_owns_and_every_state(string layout)
    {
        var text = Build(layout, ("dc1", [
            new("DN", "10.0.0.1", "?", "256", "?", Id1, "rack1"),
            new("UJ", "10.0.0.2", "12 bytes", "256", "?", Id2, "rack1"),
            new("UL", "10.0.0.3", "1.17 MiB", "256", "63.8%", Id3, "rack1"),
            new("UM", "10.0.0.4", "2,5 GiB", "256", "12.5%", Id4, "rack1")]));

        var entries = StatusParser.Parse(text).Entries;

        entries.Select(RowFormat.Of).Should().Equal(
            $"dc1|DN|10.0.0.1|-|?|256|?|{Id1}|rack1",
            $"dc1|UJ|10.0.0.2|-|12 bytes|256|?|{Id2}|rack1",
            $"dc1|UL|10.0.0.3|-|1.17 MiB|256|63.8|{Id3}|rack1",
            $"dc1|UM|10.0.0.4|-|2,5 GiB|256|12.5|{Id4}|rack1");
        entries.Select(e => (e.Status, e.State)).Should().Equal(
            (NodeStatus.Down, NodeState.Normal), (NodeStatus.Up, NodeState.Joining), (NodeStatus.Up, NodeState.Leaving), (NodeStatus.Up, NodeState.Moving));
        entries[0].LoadBytes.Should().BeNull();
        entries[3].LoadBytes.Should().BeApproximately(2.5 * 1024 * 1024 * 1024, 1);
    }

    [Theory]
    [InlineData("UN  10.0.0.1  lots KiB   256          100.0%            1ab5ec14-e964-49f0-b745-0b49aefe069c  rack1", "load")]
    [InlineData("UN  10.0.0.1  1.5 KiB    many         100.0%            1ab5ec14-e964-49f0-b745-0b49aefe069c  rack1", "token count")]
    [InlineData("UN  10.0.0.1  1.5 KiB    256          all               1ab5ec14-e964-49f0-b745-0b49aefe069c  rack1", "Owns")]
    [InlineData("UN  10.0.0.1  1.5 KiB    256          100.0%            1ab5ec14-e964-49f0-b745-0b49aefe06XX  rack1", "host id")]
    [InlineData("UN  10.0.0.1  1.5 KiB    256          100.0%            1ab5ec14-e964-49f0-b745-0b49aefe069c", "rack is missing")]
    [InlineData("UN  not/an/address  1.5 KiB    256          100.0%            1ab5ec14-e964-49f0-b745-0b49aefe069c  rack1", "not an address")]
    [InlineData("UX  10.0.0.1  1.5 KiB    256          100.0%            1ab5ec14-e964-49f0-b745-0b49aefe069c  rack1", "unknown state")]
    [InlineData("some words nodetool never prints", "not a known header")]
    public void Status_parser_rejects_a_line_it_cannot_read_naming_the_line_number_and_layout(string badLine, string problem)
    {
        var text = StatusText.V311(("dc1", [new("UN", "10.0.0.9", "1 KiB", "256", "100.0%", Id2, "rack1")]));
        var lines = text.Split('\n').ToList();
        lines.Insert(6, badLine);

        var act = () => StatusParser.Parse(string.Join('\n', lines));

        var error = act.Should().Throw<CstarException>().Which;
        error.Message.Should().Contain("line 7").And.Contain("2.2-3.11 layout").And.Contain(problem).And.Contain(badLine[..20]);
        error.Hint.Should().Contain("nodetool status");
    }

    [Fact]
    public void Status_parser_rejects_a_node_listed_twice_instead_of_merging_it()
    {
        var text = StatusText.V40(
            ("dc1", [new("UN", "10.0.0.1", "1 KiB", "256", "?", Id1, "rack1")]),
            ("dc2", [new("UN", "10.0.0.1", "1 KiB", "256", "?", Id2, "rack1")]));

        var act = () => StatusParser.Parse(text);

        act.Should().Throw<CstarException>().WithMessage("*10.0.0.1 is listed twice*");
    }

    [Fact]
    public void Status_parser_rejects_empty_output()
    {
        var act = () => StatusParser.Parse("\n\n");

        act.Should().Throw<CstarException>().WithMessage("*no 'Datacenter:' block*");
    }

    [Fact]
    public void Status_parser_accepts_the_ownership_note_and_windows_line_ends()
    {
        var text = StatusText.V311(("dc1", [new("UN", "10.0.0.1", "1 KiB", "256", "?", Id1, "rack1")]))
            + "Note: Non-system keyspaces don't have the same replication settings, effective ownership information is meaningless\n";

        var output = StatusParser.Parse(text.Replace("\n", "\r\n", StringComparison.Ordinal));

        output.Entries.Should().ContainSingle().Which.Rack.Should().Be("rack1");
        output.Notes.Should().ContainSingle().Which.Should().StartWith("Note: Non-system keyspaces");
    }
}
