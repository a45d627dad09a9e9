using System.Diagnostics;
using System.Text;
using FluentAssertions;
using Xunit;

namespace Cstar.Transport.Tests;

public sealed class ShellQuoteTests
{
    public static TheoryData<string> Hostile => HostileValues.AsTheory();

    [Fact]
    public void There_are_at_least_fifty_hostile_values()
    {
        HostileValues.All.Should().HaveCountGreaterThanOrEqualTo(50);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task A_quoted_value_round_trips_byte_identical_through_a_real_sh(string value)
    {
        var script = "printf '%s' " + ShellQuote.Quote(value);
        var info = new ProcessStartInfo("sh", ["-c", script]) { RedirectStandardOutput = true, UseShellExecute = false, StandardOutputEncoding = new UTF8Encoding(false) };
        using var sh = Process.Start(info)!;
        var output = await sh.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await sh.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        output.Should().Be(value);
        File.Exists("/tmp/cstar-pwned").Should().BeFalse();
    }

    [Fact]
    public void Every_value_is_single_quoted_even_when_it_looks_safe()
    {
        ShellQuote.Quote("a|b").Should().Be("'a|b'");
        ShellQuote.Quote("it's").Should().Be("'it'\\''s'");
        ShellQuote.Join(["echo", "a b"]).Should().Be("'echo' 'a b'");
    }

    [Fact]
    public void A_nul_character_is_refused_because_no_shell_can_carry_it()
    {
        var quote = () => ShellQuote.Quote("a\0b");
        quote.Should().Throw<ArgumentException>();
    }
}
