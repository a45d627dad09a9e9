using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests.Errors;

/// <summary>Flag values that once crashed cstar (rc 134, a stack trace) are usage errors before any host is contacted.</summary>
public sealed class FlagValueErrorTests
{
    private static async Task<(int Code, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApplication.RunAsync(args, CliFlavor.Cstar, stdout, stderr);
        return (code, stderr.ToString());
    }

    [Theory]
    [InlineData("--ssh-port", "70000", "--ssh-port 70000 is not a TCP port.")]
    [InlineData("--ssh-port", "0", "--ssh-port 0 is not a TCP port.")]
    [InlineData("--cql-port", "-1", "--cql-port -1 is not a TCP port.")]
    [InlineData("--timeout", "99999999999d", "--timeout '99999999999d' is not a duration.")]
    [InlineData("--timeout", "60d", "--timeout '60d' is longer than the 30 days cstar accepts.")]
    [InlineData("--wait-timeout", "9223372036854775807", "--wait-timeout '9223372036854775807' is not a duration.")]
    public async Task A_value_out_of_range_is_exit_2_with_one_error_line_and_a_hint(string flag, string value, string error)
    {
        var output = Path.Combine(Path.GetTempPath(), "cstar-flags-" + Guid.NewGuid().ToString("N"));

        var (code, err) = await RunAsync("run", "--command", "true", "--seed-host", "127.0.0.1", "--output-directory", output, flag, value);

        code.Should().Be(2, err);
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(2, err);
        lines[0].Should().Be("error: " + error);
        lines[1].Should().StartWith("hint: ");
        Directory.Exists(output).Should().BeFalse("nothing is written for a command line that is wrong");
    }
}
