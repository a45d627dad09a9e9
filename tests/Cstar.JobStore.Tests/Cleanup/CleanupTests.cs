using Cstar.Core.Jobs;
using Cstar.JobStore.Cleanup;
using Cstar.JobStore.Inspection;
using Cstar.JobStore.Output;
using Cstar.JobStore.Tests.Support;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Cstar.JobStore.Tests.Cleanup;

public sealed class CleanupTests : IDisposable
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);
    private readonly TempRoot _root = new();
    private readonly FakeProcessLiveness _processes = new(pid: 100);
    private readonly Sqlite.SqliteJobStore _store;
    private readonly ManualTime _time = new(Jobs.T0.AddDays(30));

    public CleanupTests() => _store = Jobs.Open(_root, _processes);

    [Fact]
    public void Only_finished_jobs_older_than_the_age_counted_from_their_end_are_deleted()
    {
        Finished("old-finished", created: Jobs.T0, ended: Jobs.T0.AddDays(1));
        Finished("long-job-ended-recently", created: Jobs.T0, ended: Jobs.T0.AddDays(25));
        Stopped("old-halted", JobState.Halted, Jobs.T0.AddDays(1));
        Stopped("old-interrupted", JobState.Interrupted, Jobs.T0.AddDays(1));

        var report = Cleaner().Run(Week, force: false);

        report.Deleted.Select(d => d.JobId).Should().Equal("old-finished");
        report.Kept.Select(k => k.JobId).Should().BeEquivalentTo(["old-halted", "old-interrupted"]);
        report.Kept.Should().OnlyContain(k => k.Why.Contains("not finished") && k.Why.Contains("--force"));
        _store.ListJobs().Select(j => j.JobId).Should().BeEquivalentTo(["long-job-ended-recently", "old-halted", "old-interrupted"]);
        Directory.Exists(_root.Paths.JobFolder("old-finished")).Should().BeFalse();
        Directory.Exists(_root.Paths.JobFolder("old-halted")).Should().BeTrue();
    }

    [Fact]
    public void Deleting_a_job_deletes_what_its_detached_runner_printed()
    {
        Finished("old-detached", created: Jobs.T0, ended: Jobs.T0.AddDays(1));
        var console = _root.Paths.DetachedConsole("old-detached");
        Directory.CreateDirectory(Path.GetDirectoryName(console)!);
        File.WriteAllText(console, "Job id is old-detached\n");

        Cleaner().Run(Week, force: false);

        File.Exists(console).Should().BeFalse();
    }

    [Fact]
    public void Unreadable_jobs_are_reported_not_deleted_without_force_and_deleted_with_it()
    {
        Finished("damaged", Jobs.T0, Jobs.T0.AddDays(1));
        Damage("damaged");
        Directory.CreateDirectory(Path.Combine(_root.Paths.JobsFolder, "orphan", "10.0.0.1"));

        var gentle = Cleaner().Run(Week, force: false);

        gentle.Deleted.Should().BeEmpty();
        gentle.Kept.Select(k => k.JobId).Should().BeEquivalentTo(["damaged", "orphan"]);
        Directory.Exists(_root.Paths.JobFolder("orphan")).Should().BeTrue();

        var forced = Cleaner().Run(Week, force: true);

        forced.Deleted.Select(d => d.JobId).Should().BeEquivalentTo(["damaged", "orphan"]);
        _store.ListJobs().Should().BeEmpty();
        Directory.EnumerateFileSystemEntries(_root.Paths.JobsFolder).Should().BeEmpty();
    }

    [Fact]
    public void Force_deletes_old_unfinished_jobs_but_never_one_running_in_a_live_process()
    {
        Stopped("old-halted", JobState.Halted, Jobs.T0);
        _store.CreateJob(Jobs.Definition("running-live", createdAt: Jobs.T0), ["h1"]);
        var dead = new FakeProcessLiveness(pid: 999);
        using (var crashed = Jobs.Open(_root, dead))
        {
            crashed.CreateJob(Jobs.Definition("running-dead", createdAt: Jobs.T0), ["h1"]);
        }

        var gentle = Cleaner().Run(Week, force: false);
        var forced = Cleaner().Run(Week, force: true);

        gentle.Kept.Should().Contain(k => k.JobId == "running-dead" && k.Why.Contains("process is gone"));
        forced.Deleted.Select(d => d.JobId).Should().BeEquivalentTo(["old-halted", "running-dead"]);
        forced.Kept.Should().ContainSingle(k => k.JobId == "running-live" && k.Why.Contains("live"));
        _store.ListJobs().Select(j => j.JobId).Should().Equal("running-live");
    }

    [Fact]
    public void A_deletion_interrupted_after_the_rename_is_finished_by_the_next_cleanup()
    {
        Finished("half-deleted", Jobs.T0, Jobs.T0.AddDays(1));
        Directory.Move(_root.Paths.JobFolder("half-deleted"), Path.Combine(_root.Paths.JobsFolder, ".deleting-half-deleted"));

        _store.ListJobs().Should().ContainSingle("the row is still there");
        new JobInspector(_store, new HostOutputReader(_store, _time)).FindUnreadable().Should().BeEmpty("a folder being deleted is not an orphan");
        var report = Cleaner().Run(Week, force: false);

        report.Deleted.Select(d => d.JobId).Should().Contain("half-deleted");
        _store.ListJobs().Should().BeEmpty();
        Directory.EnumerateFileSystemEntries(_root.Paths.JobsFolder).Should().BeEmpty();
    }

    public void Dispose()
    {
        _store.Dispose();
        _root.Dispose();
    }

    private JobCleaner Cleaner() => new(_store, new JobInspector(_store, new HostOutputReader(_store, _time)), _time);

    private void Finished(string id, DateTimeOffset created, DateTimeOffset ended)
    {
        _store.CreateJob(Jobs.Definition(id, createdAt: created), ["10.0.0.1"]);
        using (var writer = new FileHostOutputStore(_root.Paths).OpenWriter(id, "10.0.0.1"))
        {
            writer.Append(OutputChannel.Out, "done\n"u8);
            writer.WriteStatus(0);
        }

        Jobs.Succeed(_store, id, "10.0.0.1", created);
        _store.RecordJobState(id, JobState.Finished, ended);
    }

    private void Stopped(string id, JobState state, DateTimeOffset at)
    {
        _store.CreateJob(Jobs.Definition(id, createdAt: at), ["10.0.0.1"]);
        _store.RecordJobState(id, state, at);
    }

    private void Damage(string id)
    {
        using var connection = new SqliteConnection($"Data Source={_root.Paths.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE jobs SET definition_json = 'not json' WHERE job_id = '{id}'";
        command.ExecuteNonQuery();
    }
}
