using Cstar.Core.Errors;
using Cstar.Ring.Describering;
using Cstar.Ring.Parsing;
using Cstar.TestKit;
using FluentAssertions;
using Xunit;

namespace Cstar.Ring.Tests;

public sealed class DescriberingParserTests
{
    public static TheoryData<string, string, string, string, string, int> RealFiles => new()
    {
        { "3.11.10", "describering-acc_nts.txt", "db81f5d7-d91e-3347-a9bc-86f0a6ad8c8c", "4401711537603364354", "4408090612301907877|127.0.0.2,127.0.0.1,127.0.0.3", 3 },
        { "3.11.10", "describering-acc_nts-node3-DN.txt", "db81f5d7-d91e-3347-a9bc-86f0a6ad8c8c", "4401711537603364354", "4408090612301907877|127.0.0.2,127.0.0.1,127.0.0.3", 3 },
        { "3.11.10", "describering-system_auth.txt", "db81f5d7-d91e-3347-a9bc-86f0a6ad8c8c", "4401711537603364354", "4408090612301907877|127.0.0.2", 1 },
        { "4.0-alpha4", "describering-acc_nts.txt", "fa4f8bee-474a-3603-8b45-d12b53b619bf", "-7026579200506767948", "-7021082223630060441|127.0.0.1,127.0.0.3,127.0.0.2", 3 },
        { "4.0-alpha4", "describering-acc_nts-node3-DN.txt", "fa4f8bee-474a-3603-8b45-d12b53b619bf", "-7026579200506767948", "-7021082223630060441|127.0.0.1,127.0.0.3,127.0.0.2", 3 },
        { "4.0-alpha4", "describering-system_auth.txt", "fa4f8bee-474a-3603-8b45-d12b53b619bf", "-7026579200506767948", "-7021082223630060441|127.0.0.1", 1 },
    };

    [Theory]
    [MemberData(nameof(RealFiles))]
    public void Describering_parser_reads_every_range_of_real_output(string version, string file, string schema, string firstStart, string firstEndAndEndpoints, int replicas)
    {
        var output = DescriberingParser.Parse(Fixtures.RealNodetool(version, file));

        output.SchemaVersion.Should().Be(schema);
        output.Ranges.Should().HaveCount(768);
        output.Ranges[0].StartToken.Should().Be(firstStart);
        $"{output.Ranges[0].EndToken}|{string.Join(',', output.Ranges[0].Endpoints)}".Should().Be(firstEndAndEndpoints);
        output.Ranges.Should().OnlyContain(r => r.Endpoints.Length == replicas && r.Endpoints.Distinct().Count() == replicas);
        output.EndpointAddresses().Should().BeEquivalentTo("127.0.0.1", "127.0.0.2", "127.0.0.3");
        output.Endpoints.Should().Equal(new Dictionary<string, EndpointLocation>
        {
            ["127.0.0.1"] = new("dc1", "rack1"),
            ["127.0.0.2"] = new("dc1", "rack2"),
            ["127.0.0.3"] = new("dc2", "rack1"),
        });
    }

    [Theory]
    [InlineData("3.11.10")]
    [InlineData("4.0-alpha4")]
    public void Describering_ranges_end_at_exactly_the_tokens_of_the_ring(string version)
    {
        var ring = RingFixtureTokens.OwnerByToken(Fixtures.RealNodetool(version, "ring.txt"));
        var describering = DescriberingParser.Parse(Fixtures.RealNodetool(version, "describering-acc_nts.txt"));

        describering.Ranges.Select(r => r.EndToken).Order(StringComparer.Ordinal).Should().Equal(ring.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Describering_system_auth_with_rf1_makes_each_node_the_only_replica_of_its_own_tokens()
    {
        var owner = RingFixtureTokens.OwnerByToken(Fixtures.RealNodetool("3.11.10", "ring.txt"));

        var auth = DescriberingParser.Parse(Fixtures.RealNodetool("3.11.10", "describering-system_auth.txt"));

        auth.Ranges.Should().OnlyContain(r => r.Endpoints.Single() == owner[r.EndToken]);
    }

    [Fact]
    public void Describering_parser_shares_tokens_and_replica_lists_through_the_pool()
    {
        var pool = new ParsePool();
        var text = Fixtures.RealNodetool("3.11.10", "describering-acc_nts.txt");

        var first = DescriberingParser.Parse(text, pool);
        var second = DescriberingParser.Parse(text, pool);

        ReferenceEquals(first.Ranges[5].EndToken, second.Ranges[5].EndToken).Should().BeTrue();
        first.Ranges.Select(r => r.Endpoints).Distinct().Should().HaveCount(6, "six orderings of three nodes occur");
        first.Ranges[0].Endpoints.Should().Equal(second.Ranges[0].Endpoints);
    }

    [Fact]
    public void Describering_parser_reads_IPv6_endpoints_in_full_and_compressed_form()
    {
        const string Text = "Schema Version:db81f5d7-d91e-3347-a9bc-86f0a6ad8c8c\nTokenRange: \n"
            + "\tTokenRange(start_token:-10, end_token:20, endpoints:[2001:db8:0:0:0:0:0:1, fd00::2], rpc_endpoints:[2001:db8:0:0:0:0:0:1, fd00::2], "
            + "endpoint_details:[EndpointDetails(host:2001:db8:0:0:0:0:0:1, datacenter:DC one, rack:rack 1.a), EndpointDetails(host:fd00::2, datacenter:dc-2, rack:r2)])\n"
            + "\tTokenRange(start_token:20, end_token:-10, endpoints:[], rpc_endpoints:[], endpoint_details:[])\n";

        var output = DescriberingParser.Parse(Text);

        output.Ranges.Select(r => $"{r.StartToken}>{r.EndToken}:{string.Join(',', r.Endpoints)}").Should().Equal("-10>20:2001:db8::1,fd00::2", "20>-10:");
        output.Endpoints["2001:db8::1"].Should().Be(new EndpointLocation("DC one", "rack 1.a"));
        output.Endpoints["fd00::2"].Should().Be(new EndpointLocation("dc-2", "r2"));
    }

    [Fact]
    public void Describering_parser_rejects_a_range_printed_twice()
    {
        var lines = Fixtures.RealNodetool("3.11.10", "describering-acc_nts.txt").Split('\n').ToList();
        lines.Insert(10, lines[4]);

        var act = () => DescriberingParser.Parse(string.Join('\n', lines));

        act.Should().Throw<CstarException>().WithMessage("*line 11 of 'nodetool describering'*a second range ending at token*");
    }

    [Theory]
    [InlineData("\tTokenRange(start_token:1, end_token:2, endpoints:[127.0.0.1, nope!], rpc_endpoints:[])", "not an address")]
    [InlineData("\tTokenRange(start_token:1, endpoints:[127.0.0.1])", "without start_token, end_token and endpoints")]
    [InlineData("\tTokenRange(start_token:1, end_token:2, endpoints:[127.0.0.1]", "does not end with ')'")]
    [InlineData("\tTokenRange(start_token:1, end_token:2, endpoints:[127.0.0.1], color:blue)", "unexpected or malformed field 'color'")]
    [InlineData("Something else", "not a known header or token range")]
    public void Describering_parser_rejects_lines_it_cannot_read(string badLine, string problem)
    {
        var text = "Schema Version:db81f5d7-d91e-3347-a9bc-86f0a6ad8c8c\nTokenRange: \n" + badLine + "\n";

        var act = () => DescriberingParser.Parse(text, keyspace: "ks1");

        act.Should().Throw<CstarException>().WithMessage($"*line 3 of 'nodetool describering ks1'*{problem}*");
    }
}
