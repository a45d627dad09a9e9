using System.Diagnostics;
using Cstar.Cli.Jobs;
using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests.Jobs;

/// <summary>The printed continue line is one an operator can paste: it names a store that is not ~/.cstar, quoted for a POSIX shell.</summary>
public sealed class ContinueCommandTests
{
    private const string JobId = "0b5e4a52-8f2a-4c1e-9d0b-6f3c2e1a7b90";
    private const string Home = "/home/op/.cstar";

    [Fact]
    public void A_job_in_the_default_store_resumes_with_its_id_alone()
    {
        ContinueCommand.For(JobId, Home + "/", Home).Should().Be($"cstar continue {JobId}");
    }

    [Fact]
    public void A_job_in_another_store_resumes_with_that_output_directory()
    {
        ContinueCommand.For(JobId, "/srv/cstar-jobs", Home).Should().Be($"cstar continue {JobId} --output-directory /srv/cstar-jobs");
    }

    [Fact]
    public void A_relative_output_directory_is_printed_absolute_so_the_line_works_from_any_folder()
    {
        ContinueCommand.StoreFlag("jobs-here", Home).Should().Be(" --output-directory " + Path.Combine(Environment.CurrentDirectory, "jobs-here"));
    }

    [Fact]
    public void No_output_directory_adds_no_flag()
    {
        ContinueCommand.StoreFlag(null, Home).Should().BeEmpty();
    }

    [Theory]
    [InlineData("/tmp/with space")]
    [InlineData("/tmp/it's $(touch pwned) `x` *; echo")]
    [InlineData("/tmp/new\nline")]
    public async Task A_hostile_folder_name_reaches_the_shell_as_one_unchanged_word(string folder)
    {
        var line = ContinueCommand.For(JobId, folder, Home);
        line.Should().StartWith("cstar continue ");

        // The line as pasted, with printf in place of cstar: the shell must hand over exactly these words.
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("printf '%s\\0' " + line["cstar ".Length..]);
        using var shell = Process.Start(start)!;
        var output = await shell.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await shell.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));

        output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Should().Equal("continue", JobId, "--output-directory", folder);
    }
}
