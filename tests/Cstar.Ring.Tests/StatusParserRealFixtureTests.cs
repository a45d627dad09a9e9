using Cstar.Core.Errors;
using Cstar.Core.Topology;
using Cstar.Ring.Status;
using Cstar.TestKit;
using FluentAssertions;
using Xunit;

namespace Cstar.Ring.Tests;

public sealed class StatusParserRealFixtureTests
{
    private const string Id311N1 = "1ab5ec14-e964-49f0-b745-0b49aefe069c";
    private const string Id311N2 = "eaa2546a-865e-4e55-8c94-f1b52b66e2f0";
    private const string Id311N3 = "51c79abc-21e8-4136-9b7e-69b0313fadba";
    private const string Id40N1 = "90792ae3-dd6e-4c4b-ad35-efa203a5be2e";
    private const string Id40N2 = "1ddb052d-5a58-45b7-9f3e-2145f4d278c4";
    private const string Id40N3 = "3c050277-afa4-4751-9530-421f312ba361";

    public static TheoryData<string, string, StatusLayout, string[]> Cases => new()
    {
        { "3.11.10", "status.txt", StatusLayout.V22To311, [
            $"dc1|UN|127.0.0.1|-|101.8 KiB|256|100.0|{Id311N1}|rack1",
            $"dc1|UN|127.0.0.2|-|92.75 KiB|256|100.0|{Id311N2}|rack2",
            $"dc2|UN|127.0.0.3|-|97.96 KiB|256|100.0|{Id311N3}|rack1"] },
        { "3.11.10", "status-keyspace-acc_nts.txt", StatusLayout.V22To311, [
            $"dc1|UN|127.0.0.1|-|101.8 KiB|256|100.0|{Id311N1}|rack1",
            $"dc1|UN|127.0.0.2|-|92.75 KiB|256|100.0|{Id311N2}|rack2",
            $"dc2|UN|127.0.0.3|-|97.96 KiB|256|100.0|{Id311N3}|rack1"] },
        { "3.11.10", "status-from-node3.txt", StatusLayout.V22To311, [
            $"dc1|UN|127.0.0.1|-|101.8 KiB|256|100.0|{Id311N1}|rack1",
            $"dc1|UN|127.0.0.2|-|92.75 KiB|256|100.0|{Id311N2}|rack2",
            $"dc2|UN|127.0.0.3|-|97.96 KiB|256|100.0|{Id311N3}|rack1"] },
        { "3.11.10", "status-node3-DN.txt", StatusLayout.V22To311, [
            $"dc1|UN|127.0.0.1|-|101.8 KiB|256|100.0|{Id311N1}|rack1",
            $"dc1|UN|127.0.0.2|-|92.75 KiB|256|100.0|{Id311N2}|rack2",
            $"dc2|DN|127.0.0.3|-|97.96 KiB|256|100.0|{Id311N3}|rack1"] },
        { "3.11.10", "status-node3-DN-from-node2.txt", StatusLayout.V22To311, [
            $"dc1|UN|127.0.0.1|-|101.8 KiB|256|100.0|{Id311N1}|rack1",
            $"dc1|UN|127.0.0.2|-|92.75 KiB|256|100.0|{Id311N2}|rack2",
            $"dc2|DN|127.0.0.3|-|97.96 KiB|256|100.0|{Id311N3}|rack1"] },
        { "3.11.10", "status-UJ-node2-joining.txt", StatusLayout.V22To311, [
            $"dc1|UN|127.0.0.1|-|70.73 KiB|256|100.0|{Id311N1}|rack1",
            $"dc1|UJ|127.0.0.2|-|30.35 KiB|256|?|{Id311N2}|rack2"] },
        { "3.11.10", "status-UJ-node3-joining-dc2.txt", StatusLayout.V22To311, [
            $"dc1|UN|127.0.0.1|-|75.75 KiB|256|100.0|{Id311N1}|rack1",
            $"dc1|UN|127.0.0.2|-|70.67 KiB|256|100.0|{Id311N2}|rack2",
            $"dc2|UJ|127.0.0.3|-|46.27 KiB|256|?|{Id311N3}|rack1"] },
        { "3.11.10", "status-resolve-ip.txt", StatusLayout.V22To311, [
            $"dc1|UN|localhost|-|101.8 KiB|256|100.0|{Id311N1}|rack1",
            $"dc1|UN|127.0.0.2|-|92.75 KiB|256|100.0|{Id311N2}|rack2",
            $"dc2|UN|127.0.0.3|-|97.96 KiB|256|100.0|{Id311N3}|rack1"] },
        { "4.0-alpha4", "status.txt", StatusLayout.V40Plus, [
            $"dc1|UN|127.0.0.2|-|91.67 KiB|256|?|{Id40N2}|rack2",
            $"dc1|UN|127.0.0.1|-|86.6 KiB|256|?|{Id40N1}|rack1",
            $"dc2|UN|127.0.0.3|-|91.66 KiB|256|?|{Id40N3}|rack1"] },
        { "4.0-alpha4", "status-keyspace-acc_nts.txt", StatusLayout.V40Plus, [
            $"dc1|UN|127.0.0.2|-|91.67 KiB|256|?|{Id40N2}|rack2",
            $"dc1|UN|127.0.0.1|-|86.6 KiB|256|?|{Id40N1}|rack1",
            $"dc2|UN|127.0.0.3|-|91.66 KiB|256|?|{Id40N3}|rack1"] },
        { "4.0-alpha4", "status-keyspace-acc_nts-node3-DN.txt", StatusLayout.V40Plus, [
            $"dc1|UN|127.0.0.2|-|98.51 KiB|256|?|{Id40N2}|rack2",
            $"dc1|UN|127.0.0.1|-|108.67 KiB|256|?|{Id40N1}|rack1",
            $"dc2|DN|127.0.0.3|-|98.49 KiB|256|?|{Id40N3}|rack1"] },
        { "4.0-alpha4", "status-from-node3.txt", StatusLayout.V40Plus, [
            $"dc1|UN|127.0.0.2|-|98.51 KiB|256|?|{Id40N2}|rack2",
            $"dc1|UN|127.0.0.1|-|108.67 KiB|256|?|{Id40N1}|rack1",
            $"dc2|UN|127.0.0.3|-|98.49 KiB|256|?|{Id40N3}|rack1"] },
        { "4.0-alpha4", "status-node3-DN.txt", StatusLayout.V40Plus, [
            $"dc1|UN|127.0.0.2|-|98.51 KiB|256|?|{Id40N2}|rack2",
            $"dc1|UN|127.0.0.1|-|108.67 KiB|256|?|{Id40N1}|rack1",
            $"dc2|DN|127.0.0.3|-|98.49 KiB|256|?|{Id40N3}|rack1"] },
        { "4.0-alpha4", "status-node3-DN-from-node2.txt", StatusLayout.V40Plus, [
            $"dc1|UN|127.0.0.2|-|98.51 KiB|256|?|{Id40N2}|rack2",
            $"dc1|UN|127.0.0.1|-|108.67 KiB|256|?|{Id40N1}|rack1",
            $"dc2|DN|127.0.0.3|-|98.49 KiB|256|?|{Id40N3}|rack1"] },
        { "4.0-alpha4", "status-UJ-node2-joining.txt", StatusLayout.V40Plus, [
            $"dc1|UJ|127.0.0.2|-|47.32 KiB|256|?|{Id40N2}|rack2",
            $"dc1|UN|127.0.0.1|-|81.62 KiB|256|?|{Id40N1}|rack1"] },
        { "4.0-alpha4", "status-UJ-node3-joining-dc2.txt", StatusLayout.V40Plus, [
            $"dc1|UN|127.0.0.2|-|47.32 KiB|256|?|{Id40N2}|rack2",
            $"dc1|UN|127.0.0.1|-|81.62 KiB|256|?|{Id40N1}|rack1",
            $"dc2|UJ|127.0.0.3|-|10.65 KiB|256|?|{Id40N3}|rack1"] },
        { "4.0-alpha4", "status-resolve-ip.txt", StatusLayout.V40Plus, [
            "dc1|?N|localhost|-|?|256|?|-|rack1",
            $"dc1|UN|127.0.0.2|-|91.67 KiB|256|?|{Id40N2}|rack2",
            $"dc2|UN|127.0.0.3|-|91.66 KiB|256|?|{Id40N3}|rack1"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Status_parser_reads_every_row_of_real_output_field_by_field(string version, string file, StatusLayout layout, string[] rows)
    {
        var output = StatusParser.Parse(Fixtures.RealNodetool(version, file));

        output.Layout.Should().Be(layout);
        output.Entries.Select(RowFormat.Of).Should().Equal(rows);
        output.Datacenters.Should().Equal(rows.Select(r => r.Split('|')[0]).Distinct());
    }

    [Fact]
    public void Status_parser_reports_line_numbers_of_real_rows()
    {
        var output = StatusParser.Parse(Fixtures.RealNodetool("4.0-alpha4", "status.txt"));

        output.Entries.Select(e => e.LineNumber).Should().Equal(6, 7, 14);
        output.Entries[0].LoadBytes.Should().BeApproximately(91.67 * 1024, 0.01);
        output.Entries[0].Status.Should().Be(NodeStatus.Up);
        output.Entries[0].State.Should().Be(NodeState.Normal);
    }

    [Theory]
    [InlineData("3.11.10")]
    [InlineData("4.0-alpha4")]
    public void Status_of_a_nonexistent_keyspace_is_an_error_quoting_nodetool(string version)
    {
        var act = () => StatusParser.Parse(Fixtures.RealNodetool(version, "status-nonexistent-keyspace.txt"));

        act.Should().Throw<CstarException>().WithMessage("*nodetool reported: Error: The keyspace nosuchks, does not exist*")
            .Which.Hint.Should().NotBeNullOrEmpty();
    }
}
