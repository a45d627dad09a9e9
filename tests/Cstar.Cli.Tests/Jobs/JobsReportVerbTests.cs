using System.Collections.Immutable;
using Cstar.Core.Jobs;
using Cstar.JobStore;
using Cstar.JobStore.Sqlite;
using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests.Jobs;

/// <summary>`cstar jobs report`: the file it writes, and what it says when --html is missing.</summary>
public sealed class JobsReportVerbTests : IDisposable
{
    private const string JobId = "0b5e4a52-8f2a-4c1e-9d0b-6f3c2e1a7b90";
    private readonly string _root = Directory.CreateTempSubdirectory("cstar-report-verb-").FullName;

    public JobsReportVerbTests()
    {
        using var store = SqliteJobStore.Open(JobStoreOptions.At(_root));
        var definition = new JobDefinition(
            JobId, "run", new CommandSource("hostname", null, "h"), [], "[]", HostSelection.FromSeeds("10.0.0.1"), null, ["c1"], DateTimeOffset.UtcNow, RunnerKind.Remote);
        store.CreateJob(definition, ["10.0.0.1", "10.0.0.2"]);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Report_writes_one_private_html_file_with_a_row_per_host()
    {
        var file = Path.Combine(_root, "job.html");

        var (code, _, stderr) = await CstarAsync("jobs", "report", "0b5e", "--html", file, "--output-directory", _root);

        code.Should().Be(0, stderr);
        var html = await File.ReadAllTextAsync(file);
        html.Should().StartWith("<!DOCTYPE html>").And.Contain("data-host=\"10.0.0.1\"").And.Contain("data-host=\"10.0.0.2\"");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(file).Should().Be(PrivateFiles.FileMode);
        }
    }

    [Fact]
    public async Task Report_without_html_is_a_usage_error_that_shows_the_way()
    {
        var (code, _, stderr) = await CstarAsync("jobs", "report", "latest", "--output-directory", _root);

        code.Should().Be(2);
        stderr.Should().Contain("needs --html FILE").And.Contain($"cstar jobs report {JobId} --html job.html");
    }

    private static async Task<(int Code, string Stdout, string Stderr)> CstarAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApplication.RunAsync(args, CliFlavor.Cstar, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
