using Cstar.Core.Replication;
using Cstar.Simulator.Spec;
using Cstar.TestKit;
using Cstar.TestKit.Requirements;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Simulator.Tests;

/// <summary>Layouts of the versions without real captures, built from the sources' format strings.</summary>
public sealed class VersionFormatTests
{
    [Fact]
    public void Status_of_2_1_has_a_6_wide_tokens_column_KB_loads_and_no_blank_line_between_datacenters()
    {
        var output = Status(Ring("2.1.22"));

        output.Should().Contain("--  Address    Load       Tokens  Owns (effective)  Host ID                               Rack\n");
        output.Should().MatchRegex(@"\nUN  127\.0\.0\.1  \d+(\.\d+)? KB +16      \d+\.\d%  ");
        output.Should().MatchRegex(@"rack\d\nDatacenter: dc2\n");
        output.Should().EndWith("\n\n");
    }

    [Fact]
    public void Status_of_3_0_keeps_KB_units_with_the_wide_tokens_column()
    {
        var output = Status(Ring("3.0.24"));

        output.Should().Contain("--  Address    Load       Tokens       Owns (effective)  Host ID                               Rack\n");
        output.Should().Contain(" KB ").And.NotContain("KiB");
    }

    [Theory]
    [InlineData("4.1.5")]
    [InlineData("5.0.2")]
    public void Status_of_4_1_and_5_0_is_a_table_with_real_ownership(string version)
    {
        var output = Status(Ring(version));

        output.Should().MatchRegex(@"\n--  Address    Load +Tokens  Owns \(effective\)  Host ID {31}Rack \n");
        output.Should().MatchRegex(@"\nUN  127\.0\.0\.1  \d+(\.\d+)? KiB +16      \d+\.\d%  ");
        output.Should().Contain("\n\nDatacenter: dc2\n");
    }

    [SkippableFact]
    public void Status_of_4_1_matches_the_public_single_node_sample_line_for_line()
    {
        PublicSamplesRequirement.SkipUnlessPresent();
        var sample = File.ReadAllText(Path.Combine(Fixtures.PublicSamplesDirectory, "4.1_status_single-node-16tokens_konstruktoid-readme.txt"));
        var spec = RingBuilder.Create().WithGeneratedNodes(1, 1, 1, 16, seed: 5, "4.1.0").Build();
        var node = spec.Nodes[0] with { Datacenter = "datacenter1", HostId = Guid.Parse("8a6ddc64-3f03-4791-a15d-41d3b2d1f982"), LoadBytes = 106844 };
        var ring = new SimulatedRing(spec with { Nodes = [node] }, new ManualClock());

        var output = Status(ring);

        // The README sample lost its trailing spaces and the final empty line.
        Lines(output).Should().Equal(Lines(sample));
    }

    [Fact]
    public void Without_a_keyspace_differing_user_keyspaces_make_ownership_meaningless()
    {
        var spec = RingBuilder.Create().WithGeneratedNodes(4, 1, 2, 8, seed: 2, "3.11.10")
            .WithKeyspace(KeyspaceDefinition.Simple("a", 2))
            .WithKeyspace(KeyspaceDefinition.Simple("b", 3)).Build();
        var ring = new SimulatedRing(spec, new ManualClock());

        var status = Status(ring);
        var ringOutput = ring.RunNodetool("127.0.0.1", ["ring"]).StandardOutput;

        const string Note = "Note: Non-system keyspaces don't have the same replication settings, effective ownership information is meaningless\n";
        status.Should().Contain("Tokens       Owns    Host ID").And.EndWith("\n\n" + Note);
        status.Should().MatchRegex(@"\nUN  127\.0\.0\.1  [^\n]+ 8            \?       ");
        ringOutput.Should().EndWith("\n\n  " + Note);
        Status(ring, "b").Should().Contain("Owns (effective)");
    }

    [Fact]
    public void Effective_ownership_sums_to_the_replication_factor()
    {
        var spec = RingBuilder.Create().WithGeneratedNodes(12, 1, 3, 32, seed: 9, "3.11.10").WithKeyspace(KeyspaceDefinition.Simple("ks", 3)).Build();

        var owns = Status(new SimulatedRing(spec, new ManualClock()), "ks").Split('\n')
            .Where(l => l.StartsWith("UN", StringComparison.Ordinal))
            .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[5].TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture));

        owns.Sum().Should().BeApproximately(300, 0.6);
    }

    [Fact]
    public void IPv6_addresses_print_in_javas_full_form_and_widen_the_address_column()
    {
        var spec = RingBuilder.Create().WithGeneratedNodes(2, 1, 1, 4, seed: 4, "3.11.10").Build();
        var ipv6 = spec.Nodes[0] with { Address = "::1" };
        var ring = new SimulatedRing(spec with { Nodes = [ipv6, spec.Nodes[1]] }, new ManualClock());

        var status = Status(ring, viewer: "::1");

        status.Should().Contain("--  Address          Load       Tokens");
        status.Should().Contain("  0:0:0:0:0:0:0:1  ").And.Contain("  127.0.0.2        ");
    }

    [Fact]
    public void IPv6_endpoints_carry_brackets_and_port_in_4_0_database_versions()
    {
        var spec = RingBuilder.Create().WithGeneratedNodes(1, 1, 1, 4, seed: 4, "4.0.11").Build();
        var ring = new SimulatedRing(spec with { Nodes = [spec.Nodes[0] with { Address = "::1" }] }, new ManualClock());

        ring.RunNodetool("::1", ["describecluster"]).StandardOutput.Should().Contain("\t4.0.11: [[0:0:0:0:0:0:0:1]:7000]\n");
    }

    [Theory]
    [InlineData("3.11.10", @"\n--  Address    Load       Owns \(effective\)  Host ID {31}Token {36}Rack\n")]
    [InlineData("4.0.11", @"\n--  Address    Load +Owns \(effective\)  Host ID {31}Token {16,17}Rack \n")]
    public void A_single_token_single_node_cluster_uses_the_token_per_node_layout(string version, string header)
    {
        var ring = new SimulatedRing(RingBuilder.Create().WithGeneratedNodes(1, 1, 1, 1, seed: 8, version).Build(), new ManualClock());

        Status(ring).Should().MatchRegex(header);
    }

    private static SimulatedRing Ring(string version) => new(
        RingBuilder.Create().WithGeneratedNodes(4, 2, 2, 16, seed: 21, version)
            .WithKeyspace(KeyspaceDefinition.NetworkTopology("ks", [new("dc1", 2), new("dc2", 2)])).Build(),
        new ManualClock());

    private static string Status(SimulatedRing ring, string? keyspace = null, string viewer = "127.0.0.1") =>
        ring.RunNodetool(viewer, keyspace is null ? ["status"] : ["status", keyspace]).StandardOutput;

    private static List<string> Lines(string text) =>
        [.. text.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0)];
}
