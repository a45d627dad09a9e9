using Cstar.Core.Errors;
using Cstar.Core.Jobs;
using Cstar.JobStore.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Cstar.JobStore.Tests.Store;

public sealed class JobRecordingTests : IDisposable
{
    private readonly TempRoot _root = new();
    private readonly Cstar.JobStore.Sqlite.SqliteJobStore _store;

    public JobRecordingTests() => _store = Jobs.Open(_root);

    [Fact]
    public void A_job_loads_back_with_its_whole_definition_and_every_host_pending()
    {
        var definition = Jobs.Definition();
        _store.CreateJob(definition, ["10.0.0.2", "10.0.0.1", "10.0.0.3"]);

        var job = _store.LoadJob(definition.JobId);

        job.Definition.Should().BeEquivalentTo(definition);
        job.Definition.Hosts.DcFilter.Should().Be("dc1", "a --dc-filter job must be resumable with its filter");
        job.Definition.Hosts.HostFileContents.Should().Be("10.0.0.2\n10.0.0.3\n");
        job.State.Should().Be(JobState.Running);
        job.Hosts.Select(h => h.Host).Should().Equal("10.0.0.2", "10.0.0.1", "10.0.0.3");
        job.Hosts.Should().OnlyContain(h => h.Kind == HostRunStateKind.Pending);
        Directory.Exists(_root.Paths.JobFolder(definition.JobId)).Should().BeTrue();
    }

    [Fact]
    public void Creating_a_job_whose_id_exists_is_a_user_error_that_changes_nothing()
    {
        var definition = Jobs.Definition();
        _store.CreateJob(definition, ["10.0.0.1"]);

        var again = () => _store.CreateJob(definition, ["10.0.0.9"]);

        again.Should().Throw<CstarException>().Where(e => e.ExitCode == ExitCode.UserError && e.Message.Contains("already exists"));
        _store.LoadJob(definition.JobId).Hosts.Select(h => h.Host).Should().Equal("10.0.0.1");
    }

    [Fact]
    public void Each_transition_is_recorded_with_its_facts_and_its_history()
    {
        var id = Jobs.Definition().JobId;
        _store.CreateJob(Jobs.Definition(), ["10.0.0.1", "10.0.0.2"]);
        _store.RecordHostTransition(id, "10.0.0.1", HostTransition.Starting(Jobs.T0));
        _store.RecordHostTransition(id, "10.0.0.1", HostTransition.Running(Jobs.T0.AddSeconds(2), 31337));
        _store.RecordHostTransition(id, "10.0.0.1", HostTransition.Failed(Jobs.T0.AddMinutes(5), 3, "exit 3"));

        var host = _store.LoadJob(id).Host("10.0.0.1");

        host.Should().BeEquivalentTo(new HostRunState("10.0.0.1", HostRunStateKind.Failed, 1, 31337, 3, "exit 3", Jobs.T0, Jobs.T0.AddMinutes(5)));
        _store.History(id, "10.0.0.1").Select(h => h.To).Should().Equal(HostRunStateKind.Starting, HostRunStateKind.Running, HostRunStateKind.Failed);
        _store.LoadJob(id).Host("10.0.0.2").Kind.Should().Be(HostRunStateKind.Pending);
    }

    [Fact]
    public void An_illegal_transition_throws_and_records_nothing()
    {
        var id = Jobs.Definition().JobId;
        _store.CreateJob(Jobs.Definition(), ["10.0.0.1"]);
        Jobs.Succeed(_store, id, "10.0.0.1", Jobs.T0);

        var act = () => _store.RecordHostTransition(id, "10.0.0.1", HostTransition.Starting(Jobs.T0.AddHours(1)));

        act.Should().Throw<InvalidOperationException>().WithMessage("*Succeeded → Starting*");
        _store.LoadJob(id).Host("10.0.0.1").Kind.Should().Be(HostRunStateKind.Succeeded);
        _store.History(id, "10.0.0.1").Should().HaveCount(3);
    }

    [Fact]
    public void A_failed_host_is_retried_only_with_retry_failed()
    {
        var id = Jobs.Definition().JobId;
        _store.CreateJob(Jobs.Definition(), ["10.0.0.1"]);
        _store.RecordHostTransition(id, "10.0.0.1", HostTransition.Starting(Jobs.T0));
        _store.RecordHostTransition(id, "10.0.0.1", HostTransition.TimedOut(Jobs.T0.AddMinutes(1), "no answer"));

        var without = () => _store.RecordHostTransition(id, "10.0.0.1", HostTransition.Retry(Jobs.T0.AddMinutes(2)));

        without.Should().Throw<InvalidOperationException>();
        _store.RecordHostTransition(id, "10.0.0.1", HostTransition.Retry(Jobs.T0.AddMinutes(2)), retryFailed: true).Kind.Should().Be(HostRunStateKind.Pending);
    }

    [Fact]
    public void Job_state_changes_record_the_end_and_a_continue_clears_it()
    {
        var id = Jobs.Definition().JobId;
        _store.CreateJob(Jobs.Definition(), ["10.0.0.1"]);

        _store.RecordJobState(id, JobState.Interrupted, Jobs.T0.AddHours(1), "Ctrl+C");
        _store.LoadJob(id).Should().Match<StoredJob>(j => j.State == JobState.Interrupted && j.EndedAt == Jobs.T0.AddHours(1) && j.StateReason == "Ctrl+C");
        _store.RecordJobState(id, JobState.Running, Jobs.T0.AddHours(2));
        _store.LoadJob(id).EndedAt.Should().BeNull();

        var twice = () => _store.RecordJobState(id, JobState.Running, Jobs.T0.AddHours(3));
        twice.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Listing_gives_each_job_with_its_host_counts_per_state()
    {
        var first = Jobs.Definition("job-a", "restart", Jobs.T0);
        var second = Jobs.Definition("job-b", "upgrade", Jobs.T0.AddDays(1));
        _store.CreateJob(first, ["h1", "h2", "h3"]);
        _store.CreateJob(second, ["h1"]);
        Jobs.Succeed(_store, "job-a", "h1", Jobs.T0);
        _store.RecordHostTransition("job-a", "h2", HostTransition.Starting(Jobs.T0));
        _store.RecordJobState("job-b", JobState.Halted, Jobs.T0.AddDays(1).AddHours(1), "host failed");

        var jobs = _store.ListJobs();

        jobs.Select(j => j.JobId).Should().Equal("job-a", "job-b");
        jobs[0].Should().Match<JobSummary>(j => j.CommandName == "restart" && j.Reason == "rolling restart for CVE-2026-1" && j.State == JobState.Running && !j.OwnerGone);
        jobs[0].Clusters.Should().Equal("prod-eu");
        jobs[0].Hosts.Should().Be(HostCounts.Empty with { Succeeded = 1, Starting = 1, Pending = 1 });
        jobs[1].Should().Match<JobSummary>(j => j.State == JobState.Halted && j.EndedAt == Jobs.T0.AddDays(1).AddHours(1));
    }

    [Fact]
    public void A_running_job_whose_process_is_gone_is_listed_as_such()
    {
        var processes = new FakeProcessLiveness(pid: 100);
        using (var other = Jobs.Open(_root, processes))
        {
            other.CreateJob(Jobs.Definition("job-z"), ["h1"]);
        }

        processes.Die(processes.Current);

        _store.ListJobs().Single().OwnerGone.Should().BeTrue();
    }

    [Fact]
    public void An_unknown_job_is_a_user_error_naming_it()
    {
        var act = () => _store.LoadJob("no-such-job");

        act.Should().Throw<CstarException>().WithMessage("*no-such-job*").Which.Hint.Should().Contain("cstar jobs");
    }

    [Fact]
    public void A_job_id_cannot_be_created_twice_and_a_host_cannot_be_listed_twice()
    {
        _store.CreateJob(Jobs.Definition(), ["h1"]);

        var again = () => _store.CreateJob(Jobs.Definition(), ["h1"]);
        var duplicateHost = () => _store.CreateJob(Jobs.Definition("other"), ["h1", "h1"]);

        again.Should().Throw<Exception>();
        duplicateHost.Should().Throw<ArgumentException>();
        _store.ListJobs().Should().ContainSingle();
    }

    public void Dispose()
    {
        _store.Dispose();
        _root.Dispose();
    }
}
