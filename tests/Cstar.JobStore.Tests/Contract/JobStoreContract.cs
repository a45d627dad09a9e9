using Cstar.Core.Errors;
using Cstar.Core.Jobs;
using Cstar.Core.Ports;
using Cstar.JobStore.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Cstar.JobStore.Tests.Contract;

/// <summary>
/// What every job store promises, through its two ports: <see cref="IJobStore"/> (the engine) and
/// <see cref="IJobCatalog"/> (jobs, cleanup-jobs, continue). Run against the SQLite store and the TestKit's
/// in-memory fake, so a test that passes on the fake says something about the real store. Every method of both
/// ports is covered, with its error cases.
/// </summary>
public abstract partial class JobStoreContract<TStore>
    where TStore : IJobStore, IJobCatalog
{
    private const string Id = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

    /// <summary>A new, empty store, whose jobs are owned by this (live) process.</summary>
    protected abstract TStore Store { get; }

    private IJobStore Engine => Store;

    private IJobCatalog Catalog => Store;

    [Fact]
    public void A_created_job_loads_back_running_with_its_whole_definition_and_every_host_pending_in_order()
    {
        var definition = Jobs.Definition();
        Engine.CreateJob(definition, ["10.0.0.2", "10.0.0.1", "10.0.0.3"]);

        var job = Engine.LoadJob(Id);

        job.Definition.Should().BeEquivalentTo(definition);
        job.State.Should().Be(JobState.Running);
        job.EndedAt.Should().BeNull();
        job.Hosts.Select(h => h.Host).Should().Equal("10.0.0.2", "10.0.0.1", "10.0.0.3");
        job.Hosts.Should().OnlyContain(h => h.Kind == HostRunStateKind.Pending && h.Attempt == 0);
    }

    [Fact]
    public void Creating_a_job_whose_id_exists_is_a_user_error_naming_it_that_changes_nothing()
    {
        Engine.CreateJob(Jobs.Definition(), ["10.0.0.1"]);

        var again = () => Engine.CreateJob(Jobs.Definition(), ["10.0.0.9"]);

        again.Should().Throw<CstarException>().Where(e => e.ExitCode == ExitCode.UserError && e.Message.Contains(Id) && e.Message.Contains("already exists"));
        Engine.LoadJob(Id).Hosts.Select(h => h.Host).Should().Equal("10.0.0.1");
    }

    [Fact]
    public void A_host_listed_twice_or_unfit_for_a_folder_name_is_refused_and_no_job_is_created()
    {
        var twice = () => Engine.CreateJob(Jobs.Definition("job-a"), ["h1", "h1"]);
        var unfit = () => Engine.CreateJob(Jobs.Definition("job-b"), ["h1", "../etc"]);

        twice.Should().Throw<ArgumentException>();
        unfit.Should().Throw<ArgumentException>();
        Catalog.ListJobs().Should().BeEmpty();
    }

    [Fact]
    public void Loading_an_unknown_job_is_a_user_error_naming_it_and_the_next_step()
    {
        var act = () => Engine.LoadJob("no-such-job");

        act.Should().Throw<CstarException>().WithMessage("*no-such-job*").Which.Hint.Should().Contain("cstar jobs");
    }

    [Fact]
    public void Each_transition_is_recorded_with_its_facts_and_returned()
    {
        Engine.CreateJob(Jobs.Definition(), ["10.0.0.1", "10.0.0.2"]);
        Engine.RecordHostTransition(Id, "10.0.0.1", HostTransition.Starting(Jobs.T0));
        Engine.RecordHostTransition(Id, "10.0.0.1", HostTransition.Running(Jobs.T0.AddSeconds(2), 31337));

        var returned = Engine.RecordHostTransition(Id, "10.0.0.1", HostTransition.Failed(Jobs.T0.AddMinutes(5), 3, "exit 3"));

        var expected = new HostRunState("10.0.0.1", HostRunStateKind.Failed, 1, 31337, 3, "exit 3", Jobs.T0, Jobs.T0.AddMinutes(5));
        returned.Should().BeEquivalentTo(expected);
        Engine.LoadJob(Id).Host("10.0.0.1").Should().BeEquivalentTo(expected);
        Engine.LoadJob(Id).Host("10.0.0.2").Kind.Should().Be(HostRunStateKind.Pending);
    }

    [Fact]
    public void An_illegal_transition_throws_and_records_nothing()
    {
        Engine.CreateJob(Jobs.Definition(), ["10.0.0.1"]);
        Succeed("10.0.0.1");

        var act = () => Engine.RecordHostTransition(Id, "10.0.0.1", HostTransition.Starting(Jobs.T0.AddHours(1)));

        act.Should().Throw<InvalidOperationException>().WithMessage("*Succeeded → Starting*");
        Engine.LoadJob(Id).Host("10.0.0.1").Should().Match<HostRunState>(h => h.Kind == HostRunStateKind.Succeeded && h.Attempt == 1);
    }

    [Fact]
    public void A_failed_host_goes_back_to_pending_only_with_retry_failed()
    {
        Engine.CreateJob(Jobs.Definition(), ["10.0.0.1"]);
        Engine.RecordHostTransition(Id, "10.0.0.1", HostTransition.Starting(Jobs.T0));
        Engine.RecordHostTransition(Id, "10.0.0.1", HostTransition.TimedOut(Jobs.T0.AddMinutes(1), "no answer"));

        var without = () => Engine.RecordHostTransition(Id, "10.0.0.1", HostTransition.Retry(Jobs.T0.AddMinutes(2)));

        without.Should().Throw<InvalidOperationException>();
        Engine.LoadJob(Id).Host("10.0.0.1").Kind.Should().Be(HostRunStateKind.TimedOut);
        Engine.RecordHostTransition(Id, "10.0.0.1", HostTransition.Retry(Jobs.T0.AddMinutes(2)), retryFailed: true).Kind.Should().Be(HostRunStateKind.Pending);
        Engine.LoadJob(Id).Host("10.0.0.1").Kind.Should().Be(HostRunStateKind.Pending);
    }

    [Fact]
    public void A_transition_of_an_unknown_job_is_a_user_error_naming_it()
    {
        var act = () => Engine.RecordHostTransition("no-such-job", "10.0.0.1", HostTransition.Starting(Jobs.T0));

        act.Should().Throw<CstarException>().WithMessage("*no-such-job*");
    }

    [Fact]
    public void A_transition_of_a_host_outside_the_job_throws_and_records_nothing()
    {
        Engine.CreateJob(Jobs.Definition(), ["10.0.0.1"]);

        var act = () => Engine.RecordHostTransition(Id, "10.0.0.9", HostTransition.Starting(Jobs.T0));

        act.Should().Throw<InvalidOperationException>().WithMessage("*10.0.0.9*");
        Engine.LoadJob(Id).Hosts.Should().ContainSingle().Which.Kind.Should().Be(HostRunStateKind.Pending);
    }

    private void Succeed(string host)
    {
        Engine.RecordHostTransition(Id, host, HostTransition.Starting(Jobs.T0));
        Engine.RecordHostTransition(Id, host, HostTransition.Running(Jobs.T0.AddSeconds(1), 4321));
        Engine.RecordHostTransition(Id, host, HostTransition.Succeeded(Jobs.T0.AddSeconds(30)));
    }
}
