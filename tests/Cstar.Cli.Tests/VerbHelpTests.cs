using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests;

public sealed class VerbHelpTests
{
    [Theory]
    [InlineData("run", "Examples:\n  cstar run --command")]
    [InlineData("continue", "Examples:\n  cstar continue ")]
    [InlineData("jobs", "Examples:\n  cstar jobs")]
    [InlineData("cleanup-jobs", "Examples:\n  cstar cleanup-jobs --max-job-age 30")]
    [InlineData("ring", "Examples:\n  cstar ring --seed-host")]
    [InlineData("demo", "Examples:\n  cstar demo")]
    [InlineData("restart", "Examples:\n  cstar restart --seed-host")]
    [InlineData("pause", "Examples:\n  cstar pause 0b5e4a52 --reason")]
    [InlineData("resume", "Examples:\n  cstar resume 0b5e4a52")]
    [InlineData("set", "Examples:\n  cstar set 0b5e4a52 --max-concurrency 1")]
    [InlineData("repair", "back-pressure: fewer than 100 pending compactions (--max-pending-compactions)")]
    [InlineData("repair", "Examples:\n  cstar repair --keyspace app --seed-host 10.0.0.1 --dry-run\n  cstar repair --mode incremental")]
    [InlineData("cleanup", "--jobs VALUE")]
    [InlineData("cleanup", "Examples:\n  cstar cleanup --keyspace app --jobs 2")]
    public async Task Every_verbs_help_says_what_it_does_with_an_example_and_exits_0(string verb, string example)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await CliApplication.RunAsync([verb, "--help"], CliFlavor.Cstar, stdout, stderr);

        code.Should().Be(0, stderr.ToString());
        stdout.ToString().ReplaceLineEndings("\n").Should().Contain(example);
    }

    [Fact]
    public async Task Cstarpar_help_has_an_example()
    {
        using var stdout = new StringWriter();

        var code = await CliApplication.RunAsync(["--help"], CliFlavor.Cstarpar, stdout, new StringWriter());

        code.Should().Be(0);
        stdout.ToString().Should().Contain("Examples:").And.Contain("  cstarpar --seed-host 10.0.0.1 \"ssh {} sudo reboot\"");
    }
}
