using Cstar.Core.Errors;
using Cstar.Core.Jobs;
using Cstar.JobStore.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Cstar.JobStore.Tests.Contract;

/// <summary>The contract of <see cref="Core.Ports.IJobCatalog"/>: listing, look-ups, deletion.</summary>
public abstract partial class JobStoreContract<TStore>
{
    [Fact]
    public void An_empty_store_lists_no_job_and_knows_no_job_or_host()
    {
        Catalog.ListJobs().Should().BeEmpty();
        Catalog.FindJobState("no-such-job").Should().BeNull();
        Catalog.FindHost("no-such-job", "10.0.0.1").Should().BeNull();
        Catalog.RunnerIsGone("no-such-job").Should().BeTrue();
    }

    [Fact]
    public void Listing_gives_each_job_oldest_first_with_its_facts_and_host_counts_per_state()
    {
        Engine.CreateJob(Jobs.Definition("job-b", "upgrade", Jobs.T0.AddDays(1)), ["h1"]);
        Engine.CreateJob(Jobs.Definition("job-a", "restart", Jobs.T0), ["h1", "h2", "h3"]);
        Engine.RecordHostTransition("job-a", "h1", HostTransition.Starting(Jobs.T0));
        Engine.RecordHostTransition("job-a", "h1", HostTransition.Running(Jobs.T0.AddSeconds(1), 4321));
        Engine.RecordHostTransition("job-a", "h1", HostTransition.Succeeded(Jobs.T0.AddSeconds(30)));
        Engine.RecordHostTransition("job-a", "h2", HostTransition.Starting(Jobs.T0));
        Engine.RecordJobState("job-b", JobState.Halted, Jobs.T0.AddDays(1).AddHours(1), "host failed");

        var jobs = Catalog.ListJobs();

        jobs.Select(j => j.JobId).Should().Equal("job-a", "job-b");
        jobs[0].Should().Match<JobSummary>(j => j.CommandName == "restart" && j.Reason == "rolling restart for CVE-2026-1" && j.CreatedAt == Jobs.T0
            && j.State == JobState.Running && j.EndedAt == null && !j.OwnerGone);
        jobs[0].Clusters.Should().Equal("prod-eu");
        jobs[0].Hosts.Should().Be(HostCounts.Empty with { Succeeded = 1, Starting = 1, Pending = 1 });
        jobs[1].Should().Match<JobSummary>(j => j.State == JobState.Halted && j.EndedAt == Jobs.T0.AddDays(1).AddHours(1) && !j.OwnerGone);
        jobs[1].Hosts.Should().Be(HostCounts.Empty with { Pending = 1 });
    }

    [Fact]
    public void Look_ups_give_the_job_state_and_a_host_state_or_null_when_unknown()
    {
        Engine.CreateJob(Jobs.Definition(), ["10.0.0.1"]);
        Engine.RecordHostTransition(Id, "10.0.0.1", HostTransition.Starting(Jobs.T0));
        Engine.RecordJobState(Id, JobState.Interrupted, Jobs.T0.AddMinutes(1), "Ctrl+C");

        Catalog.FindJobState(Id).Should().Be(JobState.Interrupted);
        Catalog.FindHost(Id, "10.0.0.1").Should().Match<HostRunState>(h => h.Kind == HostRunStateKind.Starting && h.Attempt == 1 && h.StartedAt == Jobs.T0);
        Catalog.FindHost(Id, "10.0.0.9").Should().BeNull();
        Catalog.FindHost("no-such-job", "10.0.0.1").Should().BeNull();
    }

    [Fact]
    public void The_runner_of_a_running_job_of_this_live_process_is_not_gone_and_of_a_stopped_job_it_is()
    {
        Engine.CreateJob(Jobs.Definition(), ["10.0.0.1"]);
        Catalog.RunnerIsGone(Id).Should().BeFalse();

        Engine.RecordJobState(Id, JobState.Halted, Jobs.T0, "host failed");

        Catalog.RunnerIsGone(Id).Should().BeTrue();
    }

    [Fact]
    public void A_deleted_job_is_gone_from_every_read_and_the_others_stay()
    {
        Engine.CreateJob(Jobs.Definition("job-a"), ["h1"]);
        Engine.CreateJob(Jobs.Definition("job-b"), ["h1"]);
        Engine.RecordJobState("job-a", JobState.Halted, Jobs.T0, "host failed");

        Catalog.DeleteJob("job-a");

        Catalog.ListJobs().Select(j => j.JobId).Should().Equal("job-b");
        Catalog.FindJobState("job-a").Should().BeNull();
        Catalog.FindHost("job-a", "h1").Should().BeNull();
        var load = () => Catalog.LoadJob("job-a");
        load.Should().Throw<CstarException>().WithMessage("*job-a*");
    }

    [Fact]
    public void Deleting_an_unknown_job_changes_nothing()
    {
        Engine.CreateJob(Jobs.Definition(), ["h1"]);

        Catalog.DeleteJob("no-such-job");

        Catalog.ListJobs().Select(j => j.JobId).Should().Equal(Id);
    }

    [Fact]
    public void A_job_running_in_a_live_process_cannot_be_deleted_and_is_kept()
    {
        Engine.CreateJob(Jobs.Definition(), ["h1"]);

        var act = () => Catalog.DeleteJob(Id);

        act.Should().Throw<CstarException>().WithMessage("*running*");
        Catalog.FindJobState(Id).Should().Be(JobState.Running);
    }
}
