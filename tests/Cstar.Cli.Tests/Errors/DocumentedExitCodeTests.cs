using System.Text.RegularExpressions;
using Cstar.Core.Errors;
using Cstar.TestKit;
using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests.Errors;

/// <summary>
/// README's exit-code table and <see cref="ExitCode"/> list the same codes, and each code is what cstar returns in
/// its case (in process, through the entry point). 4 (stopped early, resumable) is produced by the engine alone and
/// is tested there (JobRunnerTests, JobRunnerResumeTests); 70 and 130 by <see cref="ErrorReportTests"/>.
/// </summary>
public sealed class DocumentedExitCodeTests
{
    public static IReadOnlyDictionary<int, string> ReadmeTable()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var section = readme[readme.IndexOf("### Exit codes", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n#", 5, StringComparison.Ordinal)];
        return Regex.Matches(section, @"^\| (\d+) \| (.+) \|$", RegexOptions.Multiline)
            .ToDictionary(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m => m.Groups[2].Value);
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApplication.RunAsync(args, CliFlavor.Cstar, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string EmptyStore() => Path.Combine(Path.GetTempPath(), "cstar-codes-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void The_readme_table_lists_exactly_the_codes_of_ExitCode()
    {
        ReadmeTable().Keys.Order().Should().Equal(Enum.GetValues<ExitCode>().Select(c => (int)c).Order());
    }

    [Fact]
    public void The_readme_says_a_halt_after_a_failed_host_exits_1_and_4_is_only_without_a_failure()
    {
        var table = ReadmeTable();

        table[1].Should().Contain("halted");
        table[4].Should().Contain("no host failed");
    }

    [Fact(Timeout = 120_000)]
    public async Task Exit_0_every_host_succeeded()
    {
        (await RunAsync("demo", "--nodes", "3", "--dcs", "1", "--step-seconds", "0.05", "--start-seconds", "0.1")).Code.Should().Be(0);
    }

    [Fact(Timeout = 120_000)]
    public async Task Exit_1_a_host_failed_and_the_job_halted_with_hosts_not_run()
    {
        var (code, output, _) = await RunAsync("demo", "--nodes", "6", "--step-seconds", "0.05", "--start-seconds", "0.1", "--fail-host", "127.0.0.1");

        code.Should().Be(1, output);
        output.Should().Contain("halted").And.MatchRegex(@"\d+ host\(s\) not run");
    }

    [Fact]
    public async Task Exit_2_the_command_line_is_wrong()
    {
        (await RunAsync("jobs", "--no-such-flag")).Code.Should().Be(2);
    }

    [Fact]
    public async Task Exit_3_a_user_error_such_as_an_unknown_job()
    {
        var (code, _, err) = await RunAsync("jobs", "show", "0b5e4a52-8f2a-4c1e-9d0b-6f3c2e1a7b90", "--output-directory", EmptyStore());

        code.Should().Be(3, err);
    }

    [Fact(Timeout = 120_000)]
    public async Task Exit_5_the_scheduler_refused_to_break_a_safety_rule()
    {
        var (code, output, _) = await RunAsync("demo", "--nodes", "6", "--step-seconds", "0.05", "--start-seconds", "0.1", "--down-host", "127.0.0.2");

        code.Should().Be(5, output);
    }

    [Fact]
    public async Task Exit_74_cstar_cannot_write_its_own_folder()
    {
        var file = Path.GetTempFileName();

        var (code, _, err) = await RunAsync("jobs", "--output-directory", file);

        code.Should().Be(74, err);
        err.Should().Contain(file).And.Contain("hint: ");
    }
}
