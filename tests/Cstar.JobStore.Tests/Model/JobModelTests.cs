using Cstar.Core.Jobs;
using FluentAssertions;
using Xunit;

namespace Cstar.JobStore.Tests.Model;

public sealed class JobModelTests
{
    public static TheoryData<JobState, JobState> AllJobStatePairs()
    {
        var data = new TheoryData<JobState, JobState>();
        foreach (var from in Enum.GetValues<JobState>())
        {
            foreach (var to in Enum.GetValues<JobState>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllJobStatePairs))]
    public void A_job_only_stops_from_running_and_only_resumes_from_a_stop(JobState from, JobState to)
    {
        var expected = from != to && (from == JobState.Running || to == JobState.Running);

        JobStateMachine.IsLegal(from, to).Should().Be(expected);
    }

    [Fact]
    public void A_secret_argument_keeps_only_the_environment_variable_name()
    {
        var argument = JobArgument.FromEnvironment("password", "CSTAR_SSH_PASSWORD");

        argument.Literal.Should().BeNull();
        argument.Display.Should().Be("<from environment CSTAR_SSH_PASSWORD>");
    }

    [Theory]
    [InlineData("")]
    [InlineData("1ABC")]
    [InlineData("hunter2 is my password")]
    [InlineData("A=B")]
    public void A_secret_reference_refuses_anything_that_is_not_a_variable_name(string name)
    {
        var act = () => new SecretReference(name);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void An_argument_is_a_literal_or_a_reference_never_both()
    {
        var both = () => new JobArgument("x", "value", new SecretReference("X"));
        var neither = () => new JobArgument("x", null, null);

        both.Should().Throw<ArgumentException>();
        neither.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData("../etc")]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("")]
    public void Names_that_would_escape_the_jobs_folder_are_refused(string name)
    {
        JobIds.IsSafeName(name).Should().BeFalse();
    }

    [Theory]
    [InlineData("7c9e6679-7425-40de-944b-e07fc1f90ae7")]
    [InlineData("10.0.0.1")]
    [InlineData("fe80::1")]
    [InlineData("cass-1.example.com")]
    public void Job_ids_addresses_and_host_names_are_safe_folder_names(string name)
    {
        JobIds.IsSafeName(name).Should().BeTrue();
    }

    [Fact]
    public void Host_counts_add_up_per_state()
    {
        var counts = HostCounts.Of([HostRunState.Pending("a"), HostRunState.Pending("b") with { Kind = HostRunStateKind.Failed }]);

        counts.Should().Be(HostCounts.Empty with { Pending = 1, Failed = 1 });
        counts.Total.Should().Be(2);
    }
}
