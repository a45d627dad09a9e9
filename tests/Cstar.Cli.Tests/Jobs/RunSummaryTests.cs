using Cstar.Cli.Jobs;
using Cstar.Core.Errors;
using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.JobStore;
using Cstar.JobStore.Output;
using Cstar.JobStore.Sqlite;
using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests.Jobs;

/// <summary>The end-of-job summary: hosts grouped by identical output, each group's head and tail, the path of the full file.</summary>
public sealed class RunSummaryTests : IDisposable
{
    private const string JobId = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly string _root = Directory.CreateTempSubdirectory("cstar-summary-").FullName;
    private readonly SqliteJobStore _store;

    public RunSummaryTests()
    {
        _store = SqliteJobStore.Open(JobStoreOptions.At(_root));
        var definition = new JobDefinition(
            JobId, "run", new CommandSource("#!/bin/sh\necho hi\n", null, "ab12cd34"), [], "{}",
            new HostSelection([], [], null, null, null, null, null), null, ["c1"], T0, RunnerKind.Remote);
        _store.CreateJob(definition, ["10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4"]);
    }

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private void Host(string host, string stdout, string stderr = "", int exit = 0)
    {
        using (var writer = new FileHostOutputStore(_store.Paths).OpenWriter(JobId, host))
        {
            writer.Append(OutputChannel.Out, System.Text.Encoding.UTF8.GetBytes(stdout));
            writer.Append(OutputChannel.Err, System.Text.Encoding.UTF8.GetBytes(stderr));
        }

        _store.RecordHostTransition(JobId, host, HostTransition.Starting(T0));
        _store.RecordHostTransition(JobId, host, HostTransition.Running(T0, 42));
        _store.RecordHostTransition(JobId, host, exit == 0 ? HostTransition.Succeeded(T0) : HostTransition.Failed(T0, exit, "exit " + exit));
    }

    private async Task<string> SummaryAsync()
    {
        await using var text = new StringWriter();
        await RunSummary.PrintAsync(text, _store, new JobOutcome(JobId, JobState.Finished, ExitCode.Success, HostCounts.Empty, "done"));
        return text.ToString();
    }

    [Fact]
    public async Task Hosts_with_identical_output_share_a_group_and_failures_come_first()
    {
        Host("10.0.0.1", "same\n");
        Host("10.0.0.2", "same\n");
        Host("10.0.0.3", "sama\n"); // same length, other bytes
        Host("10.0.0.4", "", "boom", exit: 3);

        var summary = await SummaryAsync();

        summary.Should().Contain("---------------- 1 host(s) Failed (exit 3): exit 3: 10.0.0.4\nstderr:\nboom\n");
        summary.Should().Contain("---------------- 2 host(s) Succeeded: 10.0.0.1, 10.0.0.2\nsame\n");
        summary.Should().Contain("---------------- 1 host(s) Succeeded: 10.0.0.3\nsama\n");
        summary.IndexOf("Failed", StringComparison.Ordinal).Should().BeLessThan(summary.IndexOf("Succeeded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_long_output_prints_its_head_and_tail_with_the_path_of_the_full_file()
    {
        var lines = string.Concat(Enumerable.Range(1, 5000).Select(i => $"line {i}\n"));
        Host("10.0.0.1", lines);
        Host("10.0.0.2", lines);

        var summary = await SummaryAsync();

        var path = _store.Paths.OutputFile(JobId, "10.0.0.1", OutputChannel.Out);
        summary.Should().Contain("2 host(s) Succeeded: 10.0.0.1, 10.0.0.2\nline 1\n").And.Contain("line 30\n[... ")
            .And.Contain($" bytes not shown; the full output is in {path} ...]\nline 4971\n").And.Contain("line 5000\n\nJob ");
        summary.Should().NotContain("line 31\n").And.NotContain("line 4970\n");
    }
}
