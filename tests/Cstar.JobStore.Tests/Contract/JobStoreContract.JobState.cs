using Cstar.Core.Errors;
using Cstar.Core.Jobs;
using Cstar.JobStore.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Cstar.JobStore.Tests.Contract;

/// <summary>The contract of <c>RecordJobState</c>.</summary>
public abstract partial class JobStoreContract<TStore>
{
    [Fact]
    public void A_stop_records_its_end_and_reason_and_going_back_to_running_clears_the_end()
    {
        Engine.CreateJob(Jobs.Definition(), ["10.0.0.1"]);

        Engine.RecordJobState(Id, JobState.Interrupted, Jobs.T0.AddHours(1), "Ctrl+C");
        Engine.LoadJob(Id).Should().Match<StoredJob>(j => j.State == JobState.Interrupted && j.EndedAt == Jobs.T0.AddHours(1) && j.StateReason == "Ctrl+C");
        Engine.RecordJobState(Id, JobState.Running, Jobs.T0.AddHours(2), "continued");

        Engine.LoadJob(Id).Should().Match<StoredJob>(j => j.State == JobState.Running && j.EndedAt == null && j.StateReason == "continued");
    }

    [Fact]
    public void An_illegal_job_state_change_throws_and_records_nothing()
    {
        Engine.CreateJob(Jobs.Definition(), ["10.0.0.1"]);

        var twice = () => Engine.RecordJobState(Id, JobState.Running, Jobs.T0.AddHours(3));

        twice.Should().Throw<InvalidOperationException>().WithMessage("*Running → Running*");
        Engine.LoadJob(Id).Should().Match<StoredJob>(j => j.State == JobState.Running && j.StateReason == null);
    }

    [Fact]
    public void A_job_state_change_of_an_unknown_job_is_a_user_error_naming_it()
    {
        var act = () => Engine.RecordJobState("no-such-job", JobState.Halted, Jobs.T0, "host failed");

        act.Should().Throw<CstarException>().WithMessage("*no-such-job*");
    }
}
