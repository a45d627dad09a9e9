using Cstar.Core.Commands;
using FluentAssertions;
using Xunit;

namespace Cstar.Core.Tests.Commands;

public sealed class PlaceholdersTests
{
    private static readonly Dictionary<string, string> Values = new(StringComparer.Ordinal)
    {
        ["a"] = "ALPHA",
        ["b"] = "{{a}}",
        ["dc"] = "eu-west",
        ["with space"] = "spaced",
    };

    private static string Replace(string text) => Placeholders.Replace(text, n => Values.TryGetValue(n, out var v) ? v : null);

    [Theory]
    [InlineData("{{a}}", "ALPHA")]
    [InlineData("x{{a}}y{{dc}}z", "xALPHAyeu-westz")]
    [InlineData("{{a}}{{a}}-{{a}}", "ALPHAALPHA-ALPHA")]
    [InlineData("{{with space}}", "spaced")]
    [InlineData("", "")]
    [InlineData("no placeholder", "no placeholder")]
    public void Every_occurrence_of_every_known_variable_is_replaced(string text, string expected) =>
        Replace(text).Should().Be(expected);

    [Theory]
    [InlineData("{{a")]
    [InlineData("{{a}")]
    [InlineData("{{")]
    [InlineData("}}")]
    [InlineData("{{}}")]
    [InlineData("{a}")]
    [InlineData("{")]
    [InlineData("a{{")]
    [InlineData("{{a{b}}")]
    public void An_unclosed_or_empty_placeholder_stays_exactly_as_written(string text) =>
        Replace(text).Should().Be(text);

    [Fact]
    public void An_unknown_variable_stays_as_written_next_to_known_ones() =>
        Replace("{{a}}-{{nope}}-{{dc}}").Should().Be("ALPHA-{{nope}}-eu-west");

    [Fact]
    public void A_value_holding_a_placeholder_is_inserted_literally_never_substituted_again() =>
        Replace("{{b}} and {{a}}").Should().Be("{{a}} and ALPHA");

    [Fact]
    public void Extra_braces_around_a_placeholder_stay_around_its_value() =>
        Replace("{{{a}}}").Should().Be("{ALPHA}");

    [Fact]
    public void The_literal_transform_sees_only_the_text_around_replaced_values()
    {
        var seen = new List<string>();
        var result = Placeholders.Replace("ssh {} {{b}} {{nope}}", n => Values.TryGetValue(n, out var v) ? v : null, s =>
        {
            seen.Add(s);
            return s.Replace("{}", "HOST", StringComparison.Ordinal);
        });

        result.Should().Be("ssh HOST {{a}} {{nope}}");
        seen.Should().Equal("ssh {} ", " {{nope}}");
    }

    [Fact]
    public void Names_in_a_text_are_listed_once_in_ordinal_order() =>
        Placeholders.NamesIn("{{b}} {{a}} {{b}} {{ }} {{x").Should().Equal(" ", "a", "b");

    [Theory]
    [InlineData("name", true)]
    [InlineData("dotted.name-1", true)]
    [InlineData("", false)]
    [InlineData("a{b", false)]
    [InlineData("a}", false)]
    public void A_name_is_anything_non_empty_without_braces(string name, bool valid) =>
        Placeholders.IsValidName(name).Should().Be(valid);
}
