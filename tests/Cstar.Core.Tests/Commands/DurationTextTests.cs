using Cstar.Core.Commands;
using FluentAssertions;
using Xunit;

namespace Cstar.Core.Tests.Commands;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("90", 90)]
    [InlineData("90s", 90)]
    [InlineData("30m", 1800)]
    [InlineData("2h", 7200)]
    [InlineData("1h30m", 5400)]
    [InlineData("1d", 86400)]
    [InlineData(" 45s ", 45)]
    public void Durations_are_read_as_operators_type_them(string text, int seconds)
    {
        DurationText.TryParse(text, out var duration).Should().BeTrue();
        duration.Should().Be(TimeSpan.FromSeconds(seconds));
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("10x")]
    [InlineData("m")]
    [InlineData("-5")]
    [InlineData("1.5h")]
    public void Anything_else_is_refused(string text) =>
        DurationText.TryParse(text, out _).Should().BeFalse();

    [Fact]
    public void Formatting_is_compact_and_readable()
    {
        DurationText.Format(TimeSpan.FromSeconds(5400)).Should().Be("1h30m00s");
        DurationText.Format(TimeSpan.FromSeconds(75)).Should().Be("1m15s");
        DurationText.Format(TimeSpan.FromMilliseconds(2500)).Should().Be("2.5s");
    }
}
