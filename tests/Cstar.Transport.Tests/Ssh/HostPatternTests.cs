using Cstar.Transport.Ssh;
using FluentAssertions;
using Xunit;

namespace Cstar.Transport.Tests.Ssh;

public sealed class HostPatternTests
{
    [Theory]
    [InlineData("*", "anything", true)]
    [InlineData("db?", "db1", true)]
    [InlineData("db?", "db10", false)]
    [InlineData("*.example.com", "a.b.example.com", true)]
    [InlineData("DB1", "db1", true)]
    [InlineData("10.0.*.1", "10.0.3.1", true)]
    [InlineData("10.0.*.1", "10.0.3.2", false)]
    public void Wildcards_match_like_openssh(string pattern, string name, bool expected)
    {
        HostPattern.Matches(pattern, name).Should().Be(expected);
    }

    [Fact]
    public void A_matching_negated_pattern_vetoes_the_list()
    {
        HostPattern.MatchesList(["*", "!db1"], "db1").Should().BeFalse();
        HostPattern.MatchesList(["*", "!db1"], "db2").Should().BeTrue();
        HostPattern.MatchesList(["!db1"], "db2").Should().BeFalse();
    }
}
