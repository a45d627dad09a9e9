using Cstar.Core.Errors;
using Cstar.Ring.Describering;
using Cstar.Ring.Parsing;
using Cstar.TestKit;
using FluentAssertions;
using Xunit;

namespace Cstar.Ring.Tests;

/// <summary>
/// The describering reader takes a range as is when its text repeats one already parsed (another keyspace with the
/// same replication) and skips endpoint_details that print exactly as the known locations. These shortcuts must
/// never accept what a full read refuses, nor return anything but what a full read returns.
/// </summary>
public sealed class DescriberingRepeatedTextTests
{
    private const string Header = "Schema Version:db81f5d7-d91e-3347-a9bc-86f0a6ad8c8c\nTokenRange: \n";

    private static string Line(string start, string end, string endpoints, string details) =>
        $"\tTokenRange(start_token:{start}, end_token:{end}, endpoints:[{endpoints}], rpc_endpoints:[{endpoints}], endpoint_details:[{details}])\n";

    private static string Detail(string host, string dc, string rack) => $"EndpointDetails(host:{host}, datacenter:{dc}, rack:{rack})";

    private static readonly string AB = Detail("10.0.0.1", "dc1", "r1") + ", " + Detail("10.0.0.2", "dc2", "r1");

    private static readonly string Ring = Header + Line("30", "10", "10.0.0.1, 10.0.0.2", AB) + Line("10", "20", "10.0.0.1, 10.0.0.2", AB) + Line("20", "30", "10.0.0.2", Detail("10.0.0.2", "dc2", "r1"));

    private static ParsePool Warm()
    {
        var pool = new ParsePool();
        DescriberingParser.Parse(Ring, pool, "first");
        return pool;
    }

    private static string Show(DescriberingOutput output) =>
        string.Join(' ', output.Ranges.Select(r => $"{r.StartToken}>{r.EndToken}:{string.Join(',', r.Endpoints)}"));

    [Fact]
    public void A_keyspace_with_the_same_ring_text_shares_the_first_keyspaces_ranges()
    {
        var pool = new ParsePool();

        var first = DescriberingParser.Parse(Ring, pool, "first");
        var second = DescriberingParser.Parse(Ring, pool, "second");

        second.Ranges.Select((r, i) => ReferenceEquals(r, first.Ranges[i])).Should().AllBeEquivalentTo(true);
        Show(second).Should().Be("30>10:10.0.0.1,10.0.0.2 10>20:10.0.0.1,10.0.0.2 20>30:10.0.0.2");
        second.Endpoints.Should().Equal(first.Endpoints);
    }

    [Fact]
    public void A_keyspace_printed_in_another_order_or_with_other_tokens_reads_its_own_ranges()
    {
        var pool = Warm();
        var lines = Ring.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var reversed = Header + string.Join(string.Empty, lines.Skip(2).Reverse().Select(l => l + "\n"));
        var moved = Header + Line("30", "15", "10.0.0.1, 10.0.0.2", AB) + Line("15", "20", "10.0.0.1, 10.0.0.2", AB) + Line("20", "30", "10.0.0.2", string.Empty);

        var second = DescriberingParser.Parse(reversed, pool, "second");
        var third = DescriberingParser.Parse(moved, pool, "third");

        Show(second).Should().Be("20>30:10.0.0.2 10>20:10.0.0.1,10.0.0.2 30>10:10.0.0.1,10.0.0.2");
        Show(third).Should().Be("30>15:10.0.0.1,10.0.0.2 15>20:10.0.0.1,10.0.0.2 20>30:10.0.0.2");
        third.Ranges[2].Should().BeSameAs(second.Ranges[0]);
    }

    [Fact]
    public void A_repeated_endpoint_list_whose_details_place_an_address_elsewhere_is_refused()
    {
        var conflicting = Detail("10.0.0.1", "dc3", "r1") + ", " + Detail("10.0.0.2", "dc2", "r1");
        var text = Header + Line("30", "10", "10.0.0.1, 10.0.0.2", AB) + Line("10", "20", "10.0.0.1, 10.0.0.2", conflicting);

        var act = () => DescriberingParser.Parse(text, keyspace: "ks");

        act.Should().Throw<CstarException>().WithMessage("*line 4 of 'nodetool describering ks'*10.0.0.1 placed in dc3/r1 here and in dc1/r1 before*");
    }

    [Fact]
    public void A_range_repeated_from_another_keyspace_with_other_details_is_refused()
    {
        var conflicting = Detail("10.0.0.1", "dc1", "r9") + ", " + Detail("10.0.0.2", "dc2", "r1");

        var act = () => DescriberingParser.Parse(Header + Line("30", "10", "10.0.0.1, 10.0.0.2", conflicting), Warm(), "second");

        act.Should().Throw<CstarException>().WithMessage("*line 3*10.0.0.1 placed in dc1/r9 here and in dc1/r1 before*");
    }

    [Theory]
    [InlineData("25", "10", "10.0.0.1, 10.0.0.2", "25>10:10.0.0.1,10.0.0.2")]
    [InlineData("30", "10", "10.0.0.2, 10.0.0.1", "30>10:10.0.0.2,10.0.0.1")]
    [InlineData("30", "10", "10.0.0.1", "30>10:10.0.0.1")]
    [InlineData("30", "10", "10.0.0.1, 10.0.0.2, 10.0.0.3", "30>10:10.0.0.1,10.0.0.2,10.0.0.3")]
    [InlineData("30", "10", "10.0.0.1, 10.0.0.22", "30>10:10.0.0.1,10.0.0.22")]
    [InlineData("30", "10", "/10.0.0.1,10.0.0.2", "30>10:10.0.0.1,10.0.0.2")]
    [InlineData("30", "10", "", "30>10:")]
    public void A_line_that_differs_from_a_known_range_in_any_way_is_read_in_full(string start, string end, string endpoints, string expected)
    {
        var output = DescriberingParser.Parse(Header + Line(start, end, endpoints, string.Empty), Warm(), "second");

        Show(output).Should().Be(expected);
    }

    [Fact]
    public void Endpoint_text_that_differs_only_in_form_gives_the_same_shared_range()
    {
        var pool = Warm();
        var first = DescriberingParser.Parse(Ring, pool, "first");

        var second = DescriberingParser.Parse(Header + Line("30", "10", "/10.0.0.1,10.0.0.2", string.Empty), pool, "second");

        second.Ranges[0].Should().BeSameAs(first.Ranges[0]);
    }

    [Fact]
    public void Addresses_printed_in_different_forms_give_one_instance_and_one_shared_list()
    {
        var pool = new ParsePool();
        var text = Header + Line("30", "10", "/10.0.0.1, 10.0.0.2", string.Empty) + Line("10", "20", "10.0.0.1, 10.0.0.2:7000", string.Empty);

        var output = DescriberingParser.Parse(text, pool);

        output.Ranges[0].Endpoints.Should().Equal("10.0.0.1", "10.0.0.2");
        (output.Ranges[0].Endpoints == output.Ranges[1].Endpoints).Should().BeTrue("the same list is one array");
        pool.Address("10.0.0.1").Should().BeSameAs(pool.Address("/10.0.0.1"));
    }

    [Fact]
    public void A_repeated_list_followed_by_a_non_address_is_refused()
    {
        var act = () => DescriberingParser.Parse(Header + Line("30", "10", "10.0.0.1, 10.0.0.2, nope!", string.Empty), Warm(), "second");

        act.Should().Throw<CstarException>().WithMessage("*line 3*endpoint 'nope!' is not an address*");
    }

    [Fact]
    public void A_range_printed_twice_is_refused_even_when_an_earlier_keyspace_had_it()
    {
        var text = Header + Line("30", "10", "10.0.0.1, 10.0.0.2", AB) + Line("30", "10", "10.0.0.1, 10.0.0.2", AB);

        var act = () => DescriberingParser.Parse(text, Warm(), "second");

        act.Should().Throw<CstarException>().WithMessage("*line 4*a second range ending at token 10*");
    }

    [Fact]
    public void Readers_fed_in_turn_from_one_pool_each_find_their_own_duplicates()
    {
        var pool = new ParsePool();
        var one = new DescriberingReader(pool, "one");
        var two = new DescriberingReader(pool, "two");
        var range = Line("30", "10", "10.0.0.1", string.Empty).TrimEnd('\n');
        foreach (var reader in new[] { one, two })
        {
            reader.AddLine("TokenRange: ");
            reader.AddLine(range);
        }

        var act = () => one.AddLine(range);

        act.Should().Throw<CstarException>().WithMessage("*a second range ending at token 10*");
        two.Complete().Ranges.Should().ContainSingle();
    }

    [Fact]
    public void A_completed_reader_returns_the_same_output_again_and_takes_no_more_lines()
    {
        var reader = new DescriberingReader(new ParsePool(), "ks");
        reader.AddLine("TokenRange: ");
        reader.AddLine(Line("30", "10", "10.0.0.1", string.Empty).TrimEnd('\n'));
        var output = reader.Complete();

        var addLine = () => reader.AddLine(Line("10", "30", "10.0.0.1", string.Empty).TrimEnd('\n'));

        reader.Complete().Should().BeSameAs(output);
        output.Ranges.Should().ContainSingle();
        addLine.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Crlf_line_ends_parse_as_plain_ones_on_a_warm_pool()
    {
        var pool = Warm();

        var crlf = DescriberingParser.Parse(Ring.Replace("\n", "\r\n", StringComparison.Ordinal), pool, "second");

        Show(crlf).Should().Be(Show(DescriberingParser.Parse(Ring)));
        crlf.Endpoints.Should().HaveCount(2);
    }

    [Fact]
    public void Details_in_another_order_than_the_endpoints_are_still_checked()
    {
        var swapped = Detail("10.0.0.2", "dc2", "r1") + ", " + Detail("10.0.0.1", "dc2", "r1");

        var act = () => DescriberingParser.Parse(Header + Line("30", "10", "10.0.0.1, 10.0.0.2", swapped), Warm(), "second");

        act.Should().Throw<CstarException>().WithMessage("*10.0.0.1 placed in dc2/r1 here and in dc1/r1 before*");
    }

    [Fact]
    public void Mutated_lines_on_a_warm_pool_are_never_accepted_when_a_fresh_pool_refuses_them_and_read_the_same_otherwise()
    {
        var original = Header + string.Join(string.Empty, Fixtures.RealNodetool("4.0-alpha4", "describering-acc_nts.txt").Split('\n').Skip(2).Take(8).Select(l => l + "\n"));
        var warm = new ParsePool();
        DescriberingParser.Parse(original, warm, "warm");
        var random = new Random(17);
        const string Alphabet = "0123456789.,:; []()/-acdhkrst\r";
        var accepted = 0;
        for (var i = 0; i < 4000; i++)
        {
            var chars = original.ToCharArray().ToList();
            var at = random.Next(Header.Length, chars.Count);
            switch (random.Next(3))
            {
                case 0: chars[at] = Alphabet[random.Next(Alphabet.Length)]; break;
                case 1: chars.Insert(at, Alphabet[random.Next(Alphabet.Length)]); break;
                default: chars.RemoveAt(at); break;
            }

            var mutated = new string([.. chars]);
            var fresh = Try(() => DescriberingParser.Parse(mutated, new ParsePool(), "m"));
            var shared = Try(() => DescriberingParser.Parse(mutated, warm, "m"));

            if (fresh is null)
            {
                shared.Should().BeNull($"a fresh pool refuses {mutated}");
            }
            else if (shared is not null)
            {
                accepted++;
                Show(shared).Should().Be(Show(fresh), mutated);
                shared.Endpoints.Where(e => fresh.Endpoints.ContainsKey(e.Key)).Should().BeEquivalentTo(fresh.Endpoints, mutated);
            }
        }

        accepted.Should().BeGreaterThan(100, "mutations that keep the text readable exercise the shortcuts");
    }

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("/10.0.0.1")]
    [InlineData("010.0.0.1")]
    [InlineData("10.0.0.1:7000")]
    [InlineData("2001:DB8:0:0:0:0:0:1")]
    [InlineData("[2001:db8::1]:7000")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("fe80::1%eth0")]
    [InlineData("Cass-Node_1.Example.com")]
    [InlineData("cass1:9042")]
    public void A_normalised_address_normalises_to_itself_so_a_repeated_list_reads_the_same(string printed)
    {
        NodeAddress.TryParse(printed, out var address, out _).Should().BeTrue();

        NodeAddress.TryParse(address, out var again, out var port).Should().BeTrue();

        again.Should().Be(address);
        port.Should().BeNull();
    }

    private static DescriberingOutput? Try(Func<DescriberingOutput> parse)
    {
        try
        {
            return parse();
        }
        catch (CstarException)
        {
            return null;
        }
    }
}
