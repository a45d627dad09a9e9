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
    [InlineData("--ssh-port", "70000", "is not a port (1 to 65535)")]
    [InlineData("--ssh-port", "0", "is not a port (1 to 65535)")]
    [InlineData("--cql-port", "-1", "is not a port (1 to 65535)")]
    [InlineData("--timeout", "99999999999d", "is not a duration")]
    [InlineData("--timeout", "60d", "is longer than the 30 days cstar accepts")]
    [InlineData("--wait-timeout", "9223372036854775807", "is not a duration")]
    [InlineData("--reconnect-window", "99999999999d", "is not a duration")]
    public async Task A_value_out_of_range_is_exit_2_with_one_error_line_and_a_hint(string flag, string value, string error)
    {
        var output = Path.Combine(Path.GetTempPath(), "cstar-flags-" + Guid.NewGuid().ToString("N"));

        var (code, err) = await RunAsync("run", "--command", "true", "--seed-host", "127.0.0.1", "--output-directory", output, flag, value);

        code.Should().Be(2, err);
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(3, err);
        lines[0].Should().StartWith("error: ").And.Contain(flag).And.Contain(value).And.Contain(error);
        lines[1].Should().StartWith("usage: ");
        lines[2].Should().StartWith("hint: ");
        Directory.Exists(output).Should().BeFalse("nothing is written for a command line that is wrong");
    }
}
