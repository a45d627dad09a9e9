using Cstar.Core.Errors;
using Cstar.Core.Jobs;
using Cstar.Core.Jobs.Controls;
using Cstar.JobStore;
using Cstar.JobStore.Sqlite;
using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests.Jobs;

/// <summary>`cstar pause|resume|set` append requests with who and why to the job store, and refuse bad values before.</summary>
public sealed class ControlVerbTests : IDisposable
{
    private const string JobId = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly string _root = Directory.CreateTempSubdirectory("cstar-control-").FullName;

    public ControlVerbTests()
    {
        using var store = SqliteJobStore.Open(JobStoreOptions.At(_root));
        store.CreateJob(
            new JobDefinition(JobId, "repair", new CommandSource("#!/bin/sh\n", null, "ab12cd34"), [], "{}", new HostSelection([], [], null, null, null, null, null), null, ["c1"], T0, RunnerKind.Remote),
            ["10.0.0.1", "10.0.0.2"]);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task<(int Code, string Out, string Err)> CstarAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApplication.RunAsync([.. args, "--output-directory", _root], CliFlavor.Cstar, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private IReadOnlyList<JobControl> Stored()
    {
        using var store = SqliteJobStore.Open(JobStoreOptions.At(_root));
        return store.ReadControls(JobId, 0);
    }

    [Fact]
    public async Task Pause_records_who_and_why_and_says_how_to_go_on()
    {
        var (code, output, error) = await CstarAsync("pause", "7c9e", "--reason", "compactions behind");

        code.Should().Be(0, error);
        var who = $"{Environment.UserName}@{Environment.MachineName}";
        output.Should().Contain($"Job {JobId}: pause by {who} (compactions behind) recorded (request 1).").And.Contain($"cstar resume {JobId}");
        Stored().Should().ContainSingle().Which.Should().Match<JobControl>(c => c.Kind == JobControlKind.Pause && c.Who == who && c.Reason == "compactions behind" && c.AppliedAt == null);
    }

    [Fact]
    public async Task Set_records_each_setting_given_in_order_with_a_duration_in_its_usual_form()
    {
        var (code, _, error) = await CstarAsync("set", "latest", "--max-concurrency", "3", "--node-done-pause-time", "90");

        code.Should().Be(0, error);
        Stored().Select(c => (c.Kind, c.Value)).Should().Equal((JobControlKind.MaxConcurrency, "3"), (JobControlKind.NodeDonePauseTime, "1m30s"));
        JobSettings.Fold(Stored()).Should().Be(new JobSettings(null, 3, null, TimeSpan.FromSeconds(90)));
    }

    [Theory]
    [InlineData("set", JobId)]
    [InlineData("set", JobId, "--max-concurrency", "0")]
    [InlineData("set", JobId, "--node-done-pause-time", "soon")]
    [InlineData("pause")]
    public async Task A_request_without_a_job_or_a_valid_setting_is_a_usage_error_that_records_nothing(params string[] args)
    {
        var (code, _, error) = await CstarAsync(args);

        code.Should().Be((int)ExitCode.Usage, error);
        error.Should().NotContain("   at ");
        Stored().Should().BeEmpty();
    }
}
