using Cstar.Core.Errors;
using Cstar.Core.Jobs;
using Cstar.Core.Jobs.Controls;
using Cstar.Core.Jobs.Events;
using Cstar.Core.Scheduling;
using Cstar.JobStore.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Cstar.JobStore.Tests.Controls;

/// <summary>pause, resume and set through the SQLite store, with the real runner reading them.</summary>
public sealed class JobControlTests : IDisposable
{
    private static readonly SchedulingPolicy One = new() { Strategy = SchedulingStrategy.One };
    private readonly TempRoot _root = new();
    private readonly Sqlite.SqliteJobStore _store;

    public JobControlTests() => _store = Jobs.Open(_root);

    public void Dispose()
    {
        _store.Dispose();
        _root.Dispose();
    }

    [Fact]
    public void Requests_are_numbered_in_order_read_back_after_a_number_and_marked_applied_once()
    {
        var id = Jobs.Definition().JobId;
        _store.CreateJob(Jobs.Definition(), ["10.0.0.1"]);

        var pause = _store.RequestControl(id, JobControlKind.Pause, null, "alice@jump1", "compactions behind", Jobs.T0);
        var set = _store.RequestControl(id, JobControlKind.MaxConcurrency, "4", "bob@jump2", null, Jobs.T0.AddMinutes(1));
        _store.MarkControlApplied(id, pause.Sequence, Jobs.T0.AddMinutes(2));
        _store.MarkControlApplied(id, pause.Sequence, Jobs.T0.AddMinutes(9));

        set.Sequence.Should().BeGreaterThan(pause.Sequence);
        _store.ReadControls(id, 0).Should().Equal(
            pause with { AppliedAt = Jobs.T0.AddMinutes(2) },
            set);
        _store.ReadControls(id, pause.Sequence).Should().Equal(set);
    }

    [Fact]
    public void A_request_for_an_unknown_or_finished_job_is_refused_naming_it()
    {
        var id = Jobs.Definition().JobId;
        var unknown = () => _store.RequestControl(id, JobControlKind.Pause, null, "alice@jump1", null, Jobs.T0);
        unknown.Should().Throw<CstarException>().WithMessage($"*{id}*");

        _store.CreateJob(Jobs.Definition(), ["10.0.0.1"]);
        Jobs.Succeed(_store, id, "10.0.0.1", Jobs.T0);
        _store.RecordJobState(id, JobState.Finished, Jobs.T0.AddMinutes(1));
        var finished = () => _store.RequestControl(id, JobControlKind.Resume, null, "alice@jump1", null, Jobs.T0);

        finished.Should().Throw<CstarException>().WithMessage($"Job {id} is finished*");
        _store.ReadControls(id, 0).Should().BeEmpty();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_pause_sent_while_no_runner_runs_holds_the_continued_run_until_a_resume()
    {
        var run = new ControlledRun(_store);
        var first = await run.RunAsync(run.Request(One, resume: false, stopAfter: 1));
        first.State.Should().Be(JobState.StoppedAfter);
        _store.RequestControl(ControlledRun.JobId, JobControlKind.Pause, null, "alice@jump1", "compactions behind", run.Clock.GetUtcNow());

        var paused = await run.RunAsync(run.Request(One, resume: true), steps: 100);

        paused.State.Should().Be(JobState.Interrupted, "a paused run starts nothing and waits until Ctrl+C");
        run.Hosts.Calls.Should().ContainSingle("only the host of the first run ever started");
        run.Observer.Decisions.Select(d => d.Decision.Reason).Should().Contain(r => r.StartsWith("paused: pause by alice@jump1 (compactions behind)", StringComparison.Ordinal));
        run.Events.OfType<JobControlEvent>().Should().ContainSingle().Which.Should().Match<JobControlEvent>(e => e.Control == JobControlKind.Pause && e.Who == "alice@jump1" && e.Reason == "compactions behind");
        _store.ReadControls(ControlledRun.JobId, 0).Should().OnlyContain(c => c.AppliedAt != null);

        _store.RequestControl(ControlledRun.JobId, JobControlKind.Resume, null, "bob@jump2", "backlog cleared", run.Clock.GetUtcNow());
        var resumed = await run.RunAsync(run.Request(One, resume: true));

        resumed.State.Should().Be(JobState.Finished);
        resumed.ExitCode.Should().Be(ExitCode.Success);
        run.Events.OfType<JobControlEvent>().Select(e => (e.Control, e.Who)).Should().Equal((JobControlKind.Pause, "alice@jump1"), (JobControlKind.Resume, "bob@jump2"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_pause_sent_during_a_run_lets_the_host_in_flight_finish_and_starts_nothing_more()
    {
        var run = new ControlledRun(_store);
        var first = run.Ring.Addresses.First();
        run.Hosts.OnCall = r =>
        {
            if (r.Host == first)
            {
                _store.RequestControl(ControlledRun.JobId, JobControlKind.Pause, null, "alice@jump1", null, run.Clock.GetUtcNow());
            }
        };

        var outcome = await run.RunAsync(run.Request(One, resume: false), steps: 200);

        outcome.State.Should().Be(JobState.Interrupted);
        run.Hosts.Calls.Select(c => c.Host).Should().Equal(first);
        _store.LoadJob(ControlledRun.JobId).Host(first).Kind.Should().Be(HostRunStateKind.Succeeded, "a pause stops new starts only");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_set_sent_during_a_run_changes_the_concurrency_at_the_next_decision()
    {
        var run = new ControlledRun(_store);
        var all = new SchedulingPolicy { Strategy = SchedulingStrategy.All, MaxConcurrency = 1 };
        var head = run.Ring.Addresses.First();
        run.Hosts.Hold.Add(head);
        run.Hosts.OnCall = r =>
        {
            if (r.Host == head)
            {
                _store.RequestControl(ControlledRun.JobId, JobControlKind.MaxConcurrency, "3", "alice@jump1", "more room", run.Clock.GetUtcNow());
            }
            else
            {
                run.Hosts.Release(head);
            }
        };

        var outcome = await run.RunAsync(run.Request(all, resume: false));

        outcome.ExitCode.Should().Be(ExitCode.Success);
        run.Hosts.MaxConcurrent.Should().BeInRange(2, 3, "the first host still ran when the limit rose to 3");
        run.Events.OfType<JobControlEvent>().Should().ContainSingle().Which.Should().Match<JobControlEvent>(e => e.Control == JobControlKind.MaxConcurrency && e.Value == "3");
    }

    [Theory(Timeout = 60_000)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Requests_interleaved_with_the_runner_at_any_point_are_each_applied_once_in_order(int seed)
    {
        var random = new Random(seed);
        var run = new ControlledRun(_store);
        var kinds = new[] { JobControlKind.Pause, JobControlKind.Resume, JobControlKind.MaxConcurrency, JobControlKind.NodeDonePauseTime };
        var sent = 0;
        run.Hosts.OnCall = _ =>
        {
            for (var i = random.Next(3); i > 0; i--)
            {
                var kind = kinds[random.Next(kinds.Length)];
                _store.RequestControl(ControlledRun.JobId, kind, kind == JobControlKind.MaxConcurrency ? "2" : kind == JobControlKind.NodeDonePauseTime ? "1s" : null, "op@h", null, run.Clock.GetUtcNow());
                Interlocked.Increment(ref sent);
            }
        };
        var policy = new SchedulingPolicy { Strategy = SchedulingStrategy.All, MaxConcurrency = 1 };
        var outcome = await run.RunAsync(run.Request(policy, resume: false), steps: 300);
        run.Hosts.OnCall = null;
        if (outcome.State != JobState.Finished)
        {
            _store.RequestControl(ControlledRun.JobId, JobControlKind.Resume, null, "op@h", "end", run.Clock.GetUtcNow());
            Interlocked.Increment(ref sent);
            outcome = await run.RunAsync(run.Request(policy, resume: true));
        }

        outcome.State.Should().Be(JobState.Finished);
        var stored = _store.ReadControls(ControlledRun.JobId, 0);
        stored.Should().HaveCount(sent).And.OnlyContain(c => c.AppliedAt != null);
        run.Events.OfType<JobControlEvent>().Select(e => e.Sequence).Should().Equal(stored.Select(c => c.Sequence), "each request takes effect once, in the order received");
        run.Ring.Addresses.Should().OnlyContain(a => run.Hosts.Executions(a) == 1);
    }
}
