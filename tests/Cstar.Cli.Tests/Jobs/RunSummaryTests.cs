using Cstar.Cli.Jobs;
using Cstar.Core.Errors;
using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.Core.Topology;
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
        await RunSummary.PrintAsync(text, _store, new JobOutcome(JobId, JobState.Finished, ExitCode.Success, HostCounts.Empty, "done"), HostOrder.ByAddress);
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

        summary.Should().Contain("---------------- 1 host(s) failed (exit 3): 10.0.0.4\nstderr:\nboom\n", "the reason 'exit 3' only repeats the header");
        summary.Should().Contain("---------------- 2 host(s) succeeded: 10.0.0.1, 10.0.0.2\nsame\n");
        summary.Should().Contain("---------------- 1 host(s) succeeded: 10.0.0.3\nsama\n");
        summary.IndexOf("failed", StringComparison.Ordinal).Should().BeLessThan(summary.IndexOf("succeeded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_long_output_prints_its_head_and_tail_with_the_path_of_the_full_file()
    {
        var lines = string.Concat(Enumerable.Range(1, 5000).Select(i => $"line {i}\n"));
        Host("10.0.0.1", lines);
        Host("10.0.0.2", lines);

        var summary = await SummaryAsync();

        var path = _store.Paths.OutputFile(JobId, "10.0.0.1", OutputChannel.Out);
        summary.Should().Contain("2 host(s) succeeded: 10.0.0.1, 10.0.0.2\nline 1\n").And.Contain("line 30\n[... ")
            .And.Contain($" bytes not shown; the full output is in {path} ...]\nline 4971\n").And.Contain("line 5000\n\nJob ");
        summary.Should().NotContain("line 31\n").And.NotContain("line 4970\n");
    }

    [Fact]
    public async Task An_interrupted_job_in_a_custom_output_directory_prints_a_continue_line_that_names_it()
    {
        Host("10.0.0.1", "hi\n");
        await using var text = new StringWriter();

        await RunSummary.PrintAsync(text, _store, new JobOutcome(JobId, JobState.Interrupted, ExitCode.Incomplete, HostCounts.Empty, "interrupted"), HostOrder.ByAddress);

        text.ToString().Should().Contain($"To resume, run cstar continue {JobId} --output-directory {_store.Paths.Root}\n");
    }

    [Fact]
    public async Task Standard_output_without_a_final_newline_is_not_glued_to_the_stderr_label()
    {
        Host("10.0.0.1", "nonl", "oops\n", exit: 2);

        var summary = await SummaryAsync();

        summary.Should().Contain("10.0.0.1\nnonl\nstderr:\noops\n").And.NotContain("nonlstderr");
    }

    [Fact]
    public async Task Hosts_are_listed_in_numeric_address_order_and_states_read_as_the_jobs_list_spells_them()
    {
        _store.CreateJob(Definition(OtherJob), ["10.0.0.10", "10.0.0.9", "10.0.0.2"]);
        foreach (var host in new[] { "10.0.0.10", "10.0.0.9", "10.0.0.2" })
        {
            _store.RecordHostTransition(OtherJob, host, HostTransition.Starting(T0));
            _store.RecordHostTransition(OtherJob, host, HostTransition.Running(T0, 42));
            _store.RecordHostTransition(OtherJob, host, HostTransition.DidNotComeBack(T0, 0, "not UN after 30 s"));
        }

        await using var text = new StringWriter();
        await RunSummary.PrintAsync(text, _store, new JobOutcome(OtherJob, JobState.Finished, ExitCode.HostsFailed, HostCounts.Empty, "3 host(s) failed"), HostOrder.ByAddress);

        text.ToString().Should().Contain("---------------- 3 host(s) did-not-come-back: 10.0.0.2, 10.0.0.9, 10.0.0.10\nwhy: not UN after 30 s\n")
            .And.NotContain("DidNotComeBack");
    }

    [Theory]
    [InlineData(JobState.Interrupted, ExitCode.Incomplete, "interrupted: no new host starts", "Job J: interrupted: no new host starts (1 succeeded, 3 not run)")]
    [InlineData(JobState.Halted, ExitCode.HostsFailed, "halted after 1 failure(s); 3 host(s) not run", "Job J: halted after 1 failure(s); 3 host(s) not run (1 succeeded, 3 not run)")]
    [InlineData(JobState.StoppedAfter, ExitCode.Incomplete, "stop-after reached; 3 host(s) not run yet", "Job J: stopped-after: stop-after reached; 3 host(s) not run yet (1 succeeded, 3 not run)")]
    [InlineData(JobState.Finished, ExitCode.Success, "all 4 host(s) handled: 4 succeeded, 0 skipped", "Job J: finished: all 4 host(s) handled: 4 succeeded, 0 skipped")]
    public void The_outcome_line_says_the_state_and_the_counts_once(JobState state, ExitCode code, string reason, string expected)
    {
        var counts = HostCounts.Empty.Add(HostRunStateKind.Succeeded).Add(HostRunStateKind.Pending, 3);

        RunSummary.OutcomeLine(new JobOutcome("J", state, code, counts, reason), counts).Should().Be(expected);
    }

    private const string OtherJob = "8d9e6679-7425-40de-944b-e07fc1f90ae8";

    private static JobDefinition Definition(string jobId) => new(
        jobId, "run", new CommandSource("#!/bin/sh\necho hi\n", null, "ab12cd34"), [], "{}",
        new HostSelection([], [], null, null, null, null, null), null, ["c1"], T0, RunnerKind.Remote);
}
