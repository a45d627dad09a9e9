using System.Text;
using Cstar.Core.Jobs;
using Cstar.JobStore.Output;
using Cstar.JobStore.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Cstar.JobStore.Tests.Output;

public sealed class HostOutputTests : IDisposable
{
    private const string JobId = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    private readonly TempRoot _root = new();
    private readonly Sqlite.SqliteJobStore _store;

    public HostOutputTests()
    {
        _store = Jobs.Open(_root);
        _store.CreateJob(Jobs.Definition(JobId), ["10.0.0.1", "10.0.0.2"]);
    }

    [Fact]
    public void Output_goes_where_cstar_puts_it_out_err_and_status_per_host()
    {
        using (var writer = new FileHostOutputStore(_root.Paths).OpenWriter(JobId, "10.0.0.1"))
        {
            writer.Append(OutputChannel.Out, "draining\n"u8);
            writer.Append(OutputChannel.Err, "warning: slow\n"u8);
            writer.Append(OutputChannel.Out, "restarted\n"u8);
            writer.WriteStatus(0);
        }

        var folder = Path.Combine(_root.Path, "jobs", JobId, "10.0.0.1");
        File.ReadAllText(Path.Combine(folder, "out")).Should().Be("draining\nrestarted\n");
        File.ReadAllText(Path.Combine(folder, "err")).Should().Be("warning: slow\n");
        File.ReadAllText(Path.Combine(folder, "status")).Should().Be("0");
        Directory.GetFiles(folder).Select(Path.GetFileName).Should().BeEquivalentTo(["out", "err", "status"]);
    }

    [Fact]
    public void Each_chunk_is_visible_to_readers_as_soon_as_it_is_appended()
    {
        using var writer = new FileHostOutputStore(_root.Paths).OpenWriter(JobId, "10.0.0.1");
        var reader = new HostOutputReader(_store, TimeProvider.System);

        writer.Append(OutputChannel.Out, "line one\n"u8);

        File.ReadAllText(reader.PathOf(JobId, "10.0.0.1", OutputChannel.Out)).Should().Be("line one\n");
        writer.StoredLength(OutputChannel.Out).Should().Be(9);
    }

    [Fact]
    public void Reopening_a_writer_appends_to_what_is_stored_so_a_resume_loses_nothing()
    {
        var outputs = new FileHostOutputStore(_root.Paths);
        using (var first = outputs.OpenWriter(JobId, "10.0.0.1"))
        {
            first.Append(OutputChannel.Out, "before the crash\n"u8);
        }

        using var second = outputs.OpenWriter(JobId, "10.0.0.1");
        second.StoredLength(OutputChannel.Out).Should().Be(17);
        second.Append(OutputChannel.Out, "after continue\n"u8);
        second.WriteStatus(2);

        File.ReadAllText(_root.Paths.OutputFile(JobId, "10.0.0.1", OutputChannel.Out)).Should().Be("before the crash\nafter continue\n");
        File.ReadAllText(_root.Paths.StatusFile(JobId, "10.0.0.1")).Should().Be("2");
    }

    [Fact]
    public void The_first_output_line_is_the_first_non_empty_one_and_is_shortened()
    {
        using (var writer = new FileHostOutputStore(_root.Paths).OpenWriter(JobId, "10.0.0.1"))
        {
            writer.Append(OutputChannel.Out, Encoding.UTF8.GetBytes("\n\n" + new string('x', 200) + "\nsecond\n"));
        }

        var reader = new HostOutputReader(_store, TimeProvider.System);

        reader.FirstOutputLine(JobId, "10.0.0.1", 40).Should().HaveLength(40).And.EndWith("…");
        reader.FirstOutputLine(JobId, "10.0.0.2").Should().BeNull();
        reader.Excerpt(JobId, "10.0.0.2", OutputChannel.Out).Length.Should().Be(0);
    }

    [Fact]
    public async Task Follow_streams_the_output_as_it_grows_and_stops_when_the_host_ends()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var reader = new HostOutputReader(_store, TimeProvider.System);
        using var writer = new FileHostOutputStore(_root.Paths).OpenWriter(JobId, "10.0.0.1");
        _store.RecordHostTransition(JobId, "10.0.0.1", HostTransition.Starting(Jobs.T0));
        writer.Append(OutputChannel.Out, "first\n"u8);
        var seen = new SignalingWriter("first\n");

        var follow = reader.FollowAsync(JobId, "10.0.0.1", OutputChannel.Out, seen, TimeSpan.FromMilliseconds(5), cts.Token);
        await seen.Reached.WaitAsync(cts.Token);
        follow.IsCompleted.Should().BeFalse("the host is still running");
        writer.Append(OutputChannel.Out, "caf\u00e9 "u8.ToArray().AsSpan(0, 4)); // half of a UTF-8 character, then the rest
        writer.Append(OutputChannel.Out, "caf\u00e9 \n"u8.ToArray().AsSpan(4));
        writer.WriteStatus(0);
        _store.RecordHostTransition(JobId, "10.0.0.1", HostTransition.Succeeded(Jobs.T0.AddMinutes(1)));

        (await follow.WaitAsync(cts.Token)).Should().BeTrue();
        seen.ToString().Should().Be("first\ncafé \n");
    }

    [Fact]
    public async Task Follow_of_a_host_that_never_started_in_a_stopped_job_ends_at_once()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        _store.RecordJobState(JobId, JobState.Halted, Jobs.T0, "host failed");
        var reader = new HostOutputReader(_store, TimeProvider.System);

        var followed = await reader.FollowAsync(JobId, "10.0.0.2", OutputChannel.Out, new StringWriter(), TimeSpan.FromMilliseconds(5), cts.Token);

        followed.Should().BeFalse();
    }

    [Fact]
    public async Task Follow_of_a_running_host_ends_with_all_its_output_once_the_jobs_runner_process_is_gone()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var processes = new FakeProcessLiveness();
        using var store = Jobs.Open(_root, processes);
        const string Other = "0b5e4a52-8f2a-4c1e-9d0b-6f3c2e1a7b90";
        store.CreateJob(Jobs.Definition(Other), ["10.0.0.1"]);
        store.RecordHostTransition(Other, "10.0.0.1", HostTransition.Starting(Jobs.T0));
        using var writer = new FileHostOutputStore(_root.Paths).OpenWriter(Other, "10.0.0.1");
        writer.Append(OutputChannel.Out, "before the kill\n"u8);
        var seen = new SignalingWriter("before the kill\n");
        var follow = new HostOutputReader(store, TimeProvider.System).FollowAsync(Other, "10.0.0.1", OutputChannel.Out, seen, TimeSpan.FromMilliseconds(5), cts.Token);
        await seen.Reached.WaitAsync(cts.Token);
        follow.IsCompleted.Should().BeFalse("the runner is alive and the host still runs");

        writer.Append(OutputChannel.Out, "last words\n"u8);
        processes.Die(processes.Current); // kill -9 of the runner: the job stays Running in the store

        (await follow.WaitAsync(cts.Token)).Should().BeFalse("nothing more comes until the job is continued");
        seen.ToString().Should().Be("before the kill\nlast words\n");
    }

    [Fact]
    public async Task Follow_is_bounded_by_cancellation()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var reader = new HostOutputReader(_store, TimeProvider.System);

        var act = () => reader.FollowAsync(JobId, "10.0.0.1", OutputChannel.Out, new StringWriter(), TimeSpan.FromMilliseconds(5), cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    public void Dispose()
    {
        _store.Dispose();
        _root.Dispose();
    }

    /// <summary>A StringWriter that signals when its text reaches an expected value.</summary>
    private sealed class SignalingWriter(string expected) : StringWriter
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reached => _reached.Task;

        public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            if (ToString() == expected)
            {
                _reached.TrySetResult();
            }

            return Task.CompletedTask;
        }
    }
}
