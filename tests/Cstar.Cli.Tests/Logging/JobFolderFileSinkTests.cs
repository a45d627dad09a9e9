using Cstar.Cli.Logging;
using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests.Logging;

public sealed class JobFolderFileSinkTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cstar-log-").FullName;

    private string JobFolder => Path.Combine(_root, "jobs", LogTestData.JobId);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void The_log_never_creates_the_job_folder_and_writes_what_waited_once_the_store_has_created_it()
    {
        using (var log = JobLog.Open(JobFolder, LogTestData.JobId, TextWriter.Null, 0))
        {
            log.JobStarting(LogTestData.Definition(), 3, Core.Scheduling.SchedulingPolicy.Default, [], resume: false);
            Directory.Exists(JobFolder).Should().BeFalse("a job folder without its row in the store is reported as unreadable");

            Directory.CreateDirectory(JobFolder);
            log.JobEnded(LogTestData.Outcome());
        }

        var lines = File.ReadAllLines(Path.Combine(JobFolder, "cstar.log"));
        lines.Should().HaveCount(2);
        lines[0].Should().Contain("[INF] Job " + LogTestData.JobId + " starting");
        lines[1].Should().Contain("[INF] Job " + LogTestData.JobId + " ended");
    }

    [Fact]
    public void Continuing_appends_to_the_log_of_the_first_run()
    {
        Directory.CreateDirectory(JobFolder);
        foreach (var resume in new[] { false, true })
        {
            using var log = JobLog.Open(JobFolder, LogTestData.JobId, TextWriter.Null, 0);
            log.JobStarting(LogTestData.Definition(), 3, Core.Scheduling.SchedulingPolicy.Default, [], resume);
        }

        var text = File.ReadAllText(Path.Combine(JobFolder, "cstar.log"));
        text.Should().Contain(" starting: ").And.Contain(" continuing: ");
        text.IndexOf(" starting: ", StringComparison.Ordinal).Should().BeLessThan(text.IndexOf(" continuing: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Events_of_a_job_that_was_never_created_are_dropped_and_leave_no_folder()
    {
        using (var log = JobLog.Open(JobFolder, LogTestData.JobId, TextWriter.Null, 0))
        {
            log.Failed(new InvalidOperationException("cluster c1 is locked"));
        }

        Directory.Exists(JobFolder).Should().BeFalse();
    }

    [Fact]
    public void A_log_file_that_cannot_be_opened_does_not_stop_the_job()
    {
        Directory.CreateDirectory(Path.Combine(JobFolder, "cstar.log"));

        var run = () =>
        {
            using var log = JobLog.Open(JobFolder, LogTestData.JobId, TextWriter.Null, 0);
            log.JobStarting(LogTestData.Definition(), 3, Core.Scheduling.SchedulingPolicy.Default, [], resume: false);
            log.JobEnded(LogTestData.Outcome());
        };

        run.Should().NotThrow();
    }
}
