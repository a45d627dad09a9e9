using Cstar.Core.Errors;
using Cstar.Core.Topology;
using Cstar.Ring.Describecluster;
using Cstar.Ring.Status;
using Cstar.TestKit;
using Cstar.TestKit.Requirements;
using FluentAssertions;
using Xunit;

namespace Cstar.Ring.Tests;

/// <summary>Public samples are read from ../shared (never copied); each one parses or fails with the clear error, as asserted.</summary>
public sealed class PublicSampleTests
{
    private static string Sample(string name)
    {
        PublicSamplesRequirement.SkipUnlessPresent();
        return File.ReadAllText(Path.Combine(Fixtures.PublicSamplesDirectory, name));
    }

    [SkippableFact]
    public void Every_public_sample_is_covered_by_a_test_here()
    {
        PublicSamplesRequirement.SkipUnlessPresent();
        Directory.GetFiles(Fixtures.PublicSamplesDirectory).Select(f => Path.GetFileName(f)).Should().BeEquivalentTo(
            "1.2-format_status_multi-dc-token-per-node-DN_datadog-fixture.txt",
            "2.1-format_status_multi-dc-vnodes-DN_datadog-fixture.txt",
            "3.11-format_status_UL-decommission-sequence_tutorial.txt",
            "3.11-format_status_multi-dc-DN-grep-v-UN_apache-docs.txt",
            "3.11-format_status_single-dc-1token_apache-docs.txt",
            "3.11_describecluster_single-node_ds201-course-TABS-AS-SPACES.txt",
            "3.11_info_single-node_ds201-course.txt",
            "3.11_status_single-node-vnodes_ds201-course.txt",
            "4.0_status_vnodes-owns-unknown_apache-docs-repair-HANDEDITED.txt",
            "4.1_status_single-node-16tokens_konstruktoid-readme.txt");
    }

    [SkippableFact]
    public void Single_token_layout_parses_with_the_token_of_each_node()
    {
        var output = StatusParser.Parse(Sample("1.2-format_status_multi-dc-token-per-node-DN_datadog-fixture.txt"));

        output.Layout.Should().Be(StatusLayout.SingleToken);
        output.Entries.Select(e => $"{e.Datacenter}|{e.StateCodeText()}|{e.Address}|{e.Load}|{e.OwnsPercent}|{e.Token}|{e.Rack}").Should().Equal(
            "dc1|DN|172.21.0.6|178.43 KB|35.4|4035225268091337308|rack1",
            "dc1|UN|172.21.0.3|184.8 KB|31|6052837901153319516|RAC1",
            "dc1|UN|172.21.0.2|182.05 KB|33.5|-432345564227567616|RAC1",
            "dc2|UN|172.21.0.5|216.75 KB|100|4035225268091337308|RAC1",
            "dc2|UN|172.21.0.4|223.34 KB|100|6052837901153319516|RAC1");
    }

    [SkippableFact]
    public void Status_2_1_layout_with_hand_edited_spacing_parses()
    {
        var output = StatusParser.Parse(Sample("2.1-format_status_multi-dc-vnodes-DN_datadog-fixture.txt"));

        output.Layout.Should().Be(StatusLayout.V21);
        output.Entries.Should().HaveCount(5);
        output.Entries[0].Should().Match<StatusEntry>(e => e.Status == NodeStatus.Down && e.Address == "172.21.0.6" && e.Tokens == 256 && e.Rack == "rack1");
        output.Entries[4].Should().Match<StatusEntry>(e => e.Address == "172.21.0.4" && e.OwnsPercent == 100.0 && e.Rack == "RAC1"
            && e.HostId == Guid.Parse("e521a2a4-39d3-4311-a195-667bf56450f4"));
    }

    [SkippableFact]
    public void Concatenated_snapshots_with_comment_lines_fail_on_the_first_comment()
    {
        var sample = Sample("3.11-format_status_UL-decommission-sequence_tutorial.txt");

        var act = () => StatusParser.Parse(sample);

        act.Should().Throw<CstarException>().WithMessage("*line 1 of 'nodetool status'*not a known header*# (1) before decommission*");
    }

    [SkippableFact]
    public void Each_snapshot_of_the_decommission_tutorial_parses_and_shows_the_leaving_node()
    {
        var snapshots = Sample("3.11-format_status_UL-decommission-sequence_tutorial.txt")
            .Split("# (", StringSplitOptions.RemoveEmptyEntries)
            .Select(s => StatusParser.Parse(s[(s.IndexOf('\n', StringComparison.Ordinal) + 1)..]))
            .ToList();

        snapshots.Select(s => s.Entries.Length).Should().Equal(3, 3, 2);
        snapshots[1].Entries[0].Should().Match<StatusEntry>(e => e.Address == "10.128.0.3" && e.State == NodeState.Leaving && e.Status == NodeStatus.Up);
        snapshots.Should().OnlyContain(s => s.Layout == StatusLayout.V22To311 && s.Datacenters.Single() == "datacenter1");
    }

    [SkippableFact]
    public void Filtered_status_with_an_empty_dc_block_parses()
    {
        var output = StatusParser.Parse(Sample("3.11-format_status_multi-dc-DN-grep-v-UN_apache-docs.txt"));

        output.Datacenters.Should().Equal("dc1", "dc2");
        output.Entries.Should().ContainSingle().Which.Should().Match<StatusEntry>(e =>
            e.Datacenter == "dc2" && e.Status == NodeStatus.Down && e.Load == "105.73 KiB" && e.Tokens == 1 && e.Rack == "r1");
    }

    [SkippableTheory]
    [InlineData("3.11-format_status_single-dc-1token_apache-docs.txt", StatusLayout.V22To311, "dc1", 3, "4.69 GiB", 1)]
    [InlineData("3.11_status_single-node-vnodes_ds201-course.txt", StatusLayout.V22To311, "datacenter1", 1, "306.77 KiB", 256)]
    [InlineData("4.0_status_vnodes-owns-unknown_apache-docs-repair-HANDEDITED.txt", StatusLayout.V40Plus, "us-east-1", 3, "547 KiB", 256)]
    [InlineData("4.1_status_single-node-16tokens_konstruktoid-readme.txt", StatusLayout.V40Plus, "datacenter1", 1, "104.34 KiB", 16)]
    public void Other_public_status_samples_parse(string file, StatusLayout layout, string dc, int nodes, string firstLoad, int tokens)
    {
        var output = StatusParser.Parse(Sample(file));

        output.Layout.Should().Be(layout);
        output.Datacenters.Should().Equal(dc);
        output.Entries.Should().HaveCount(nodes);
        output.Entries[0].Load.Should().Be(firstLoad);
        output.Entries.Should().OnlyContain(e => e.Tokens == tokens && e.HostId != null && e.Status == NodeStatus.Up);
    }

    [SkippableFact]
    public void Hand_edited_4_0_sample_keeps_its_availability_zone_racks()
    {
        var output = StatusParser.Parse(Sample("4.0_status_vnodes-owns-unknown_apache-docs-repair-HANDEDITED.txt"));

        output.Entries.Select(e => $"{e.Address}|{e.Rack}|{e.OwnsPercent?.ToString() ?? "?"}").Should().Equal(
            "10.0.1.115|us-east-1b|?", "10.0.3.206|us-east-1d|?", "10.0.2.238|us-east-1c|?");
    }

    [SkippableFact]
    public void Describecluster_with_spaces_instead_of_tabs_parses()
    {
        var output = DescribeclusterParser.Parse(Sample("3.11_describecluster_single-node_ds201-course-TABS-AS-SPACES.txt"));

        output.Name.Should().Be("Test Cluster");
        output.Snitch.Should().Be("org.apache.cassandra.locator.SimpleSnitch");
        output.SchemaVersions.Should().ContainKey("836f4520-071b-3909-91d9-876181702696").WhoseValue.Should().Equal("172.17.0.2");
    }
}

internal static class StatusEntryTestExtensions
{
    public static string StateCodeText(this StatusEntry entry) =>
        entry.Status is null ? "?" : NodeStateCode.Format(entry.Status.Value, entry.State);
}
