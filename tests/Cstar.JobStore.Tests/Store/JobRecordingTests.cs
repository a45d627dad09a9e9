using Cstar.Core.Jobs;
using Cstar.JobStore.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Cstar.JobStore.Tests.Store;

/// <summary>
/// What the SQLite store keeps beyond the port contract (Contract/JobStoreContract): the job folder, each host's
/// history of transitions, and whether a Running job's owner process is still alive.
/// </summary>
public sealed class JobRecordingTests : IDisposable
{
    private readonly TempRoot _root = new();
    private readonly Cstar.JobStore.Sqlite.SqliteJobStore _store;

    public JobRecordingTests() => _store = Jobs.Open(_root);

    [Fact]
    public void A_new_job_gets_its_output_folder_and_keeps_its_host_filters_for_continue()
    {
        var definition = Jobs.Definition();
        _store.CreateJob(definition, ["10.0.0.2", "10.0.0.1", "10.0.0.3"]);

        var job = _store.LoadJob(definition.JobId);

        job.Definition.Hosts.DcFilter.Should().Be("dc1", "a --dc-filter job must be resumable with its filter");
        job.Definition.Hosts.HostFileContents.Should().Be("10.0.0.2\n10.0.0.3\n");
        Directory.Exists(_root.Paths.JobFolder(definition.JobId)).Should().BeTrue();
    }

    [Fact]
    public void Each_transition_is_kept_in_the_host_history()
    {
        var id = Jobs.Definition().JobId;
        _store.CreateJob(Jobs.Definition(), ["10.0.0.1", "10.0.0.2"]);
        _store.RecordHostTransition(id, "10.0.0.1", HostTransition.Starting(Jobs.T0));
        _store.RecordHostTransition(id, "10.0.0.1", HostTransition.Running(Jobs.T0.AddSeconds(2), 31337));
        _store.RecordHostTransition(id, "10.0.0.1", HostTransition.Failed(Jobs.T0.AddMinutes(5), 3, "exit 3"));

        _store.History(id, "10.0.0.1").Should().Equal(
            (HostRunStateKind.Pending, HostRunStateKind.Starting, Jobs.T0),
            (HostRunStateKind.Starting, HostRunStateKind.Running, Jobs.T0.AddSeconds(2)),
            (HostRunStateKind.Running, HostRunStateKind.Failed, Jobs.T0.AddMinutes(5)));
        _store.History(id, "10.0.0.2").Should().BeEmpty();
    }

    [Fact]
    public void An_illegal_transition_adds_nothing_to_the_history()
    {
        var id = Jobs.Definition().JobId;
        _store.CreateJob(Jobs.Definition(), ["10.0.0.1"]);
        Jobs.Succeed(_store, id, "10.0.0.1", Jobs.T0);

        var act = () => _store.RecordHostTransition(id, "10.0.0.1", HostTransition.Starting(Jobs.T0.AddHours(1)));

        act.Should().Throw<InvalidOperationException>();
        _store.History(id, "10.0.0.1").Should().HaveCount(3);
    }

    [Fact]
    public void A_running_job_whose_process_is_gone_is_listed_as_such_and_its_runner_is_gone()
    {
        var processes = new FakeProcessLiveness(pid: 100);
        using (var other = Jobs.Open(_root, processes))
        {
            other.CreateJob(Jobs.Definition("job-z"), ["h1"]);
        }

        processes.Die(processes.Current);

        _store.ListJobs().Single().OwnerGone.Should().BeTrue();
        _store.RunnerIsGone("job-z").Should().BeTrue();
    }

    public void Dispose()
    {
        _store.Dispose();
        _root.Dispose();
    }
}
