using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests;

public sealed class VerbHelpTests
{
    [Theory]
    [InlineData("run", "cstar run --command")]
    [InlineData("continue", "Example: cstar continue ")]
    [InlineData("jobs", "Examples: cstar jobs")]
    [InlineData("cleanup-jobs", "Example: cstar cleanup-jobs --max-job-age 30")]
    [InlineData("ring", "Example: cstar ring --seed-host")]
    [InlineData("demo", "Example: cstar demo")]
    [InlineData("restart", "cstar restart --seed-host")]
    public async Task Every_verbs_help_says_what_it_does_with_an_example_and_exits_0(string verb, string example)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await CliApplication.RunAsync([verb, "--help"], CliFlavor.Cstar, stdout, stderr);

        code.Should().Be(0, stderr.ToString());
        stdout.ToString().Should().Contain(example);
    }

    [Fact]
    public async Task Cstarpar_help_has_an_example()
    {
        using var stdout = new StringWriter();

        var code = await CliApplication.RunAsync(["--help"], CliFlavor.Cstarpar, stdout, new StringWriter());

        code.Should().Be(0);
        stdout.ToString().Should().Contain("Example: cstarpar --seed-host");
    }
}
