using Cstar.Cli;
using Cstar.Cli.Jobs;
using Cstar.Core.Errors;
using Cstar.JobStore;
using Cstar.JobStore.Sqlite;
using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests.Jobs;

/// <summary>The job store opened while discovery runs: the taken store is the caller's, an untaken one is closed, an open error surfaces where it is taken.</summary>
public sealed class EarlyJobStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cstar-early-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private string Wal => Path.Combine(_root, "jobs.db-wal");

    [Fact]
    public async Task The_taken_store_stays_open_after_the_early_store_is_disposed()
    {
        SqliteJobStore store;
        await using (var early = EarlyJobStore.Start(() => SqliteJobStore.Open(JobStoreOptions.At(_root))))
        {
            store = await early.TakeAsync();
        }

        using (store)
        {
            File.Exists(Wal).Should().BeTrue("WAL mode: the -wal file exists while the store is open");
            store.ListJobs().Should().BeEmpty();
        }

        File.Exists(Wal).Should().BeFalse("the store's owner closed it");
    }

    [Fact]
    public async Task A_store_nobody_takes_is_closed()
    {
        await using (EarlyJobStore.Start(() => SqliteJobStore.Open(JobStoreOptions.At(_root))))
        {
        }

        File.Exists(Path.Combine(_root, "jobs.db")).Should().BeTrue();
        File.Exists(Wal).Should().BeFalse("the last connection closed removes the -wal file");
    }

    [Fact]
    public async Task A_store_that_did_not_exist_and_is_never_taken_leaves_no_file_or_folder()
    {
        var warmed = false;
        await using (EarlyJobStore.Start(() => SqliteJobStore.Open(JobStoreOptions.At(_root)), exists: false, () => warmed = true))
        {
        }

        warmed.Should().BeTrue("discovery time is still used to prepare the open");
        Directory.Exists(_root).Should().BeFalse("a first run whose discovery failed leaves no jobs.db behind");
    }

    [Fact]
    public async Task A_store_that_did_not_exist_is_created_when_taken_even_if_the_warm_up_failed()
    {
        await using var early = EarlyJobStore.Start(() => SqliteJobStore.Open(JobStoreOptions.At(_root)), exists: false, () => throw new InvalidOperationException("no warm-up"));

        using var store = await early.TakeAsync();

        File.Exists(Path.Combine(_root, "jobs.db")).Should().BeTrue();
        store.ListJobs().Should().BeEmpty();
    }

    [Fact]
    public async Task A_first_run_whose_discovery_fails_leaves_no_job_store_behind()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await CliApplication.RunAsync(
            ["run", "--command", "true", "--seed-host", "127.0.0.1", "--ssh-port", "1", "--output-directory", _root], CliFlavor.Cstar, stdout, stderr).WaitAsync(TimeSpan.FromMinutes(2));

        code.Should().Be((int)ExitCode.UserError, stderr.ToString());
        File.Exists(Path.Combine(_root, "jobs.db")).Should().BeFalse("discovery failed: no job, so no store");
    }

    [Fact]
    public void The_in_memory_warm_up_writes_no_file()
    {
        var before = Directory.GetFiles(Environment.CurrentDirectory).Length;

        SqliteJobStore.WarmWithoutFile();

        Directory.GetFiles(Environment.CurrentDirectory).Length.Should().Be(before);
    }

    [Fact]
    public async Task An_open_error_surfaces_where_the_store_is_taken()
    {
        await using var early = EarlyJobStore.Start(() => throw new CstarException("cannot keep jobs here", "give another folder", ExitCode.LocalStorage));

        var taking = async () => await early.TakeAsync();

        (await taking.Should().ThrowAsync<CstarException>()).Which.ExitCode.Should().Be(ExitCode.LocalStorage);
    }

    [Fact]
    public async Task The_open_error_of_a_store_nobody_takes_is_not_reported()
    {
        var disposing = async () =>
        {
            await using (EarlyJobStore.Start(() => throw new IOException("disk full")))
            {
            }
        };

        await disposing.Should().NotThrowAsync("discovery's error, or the dry run's output, is what the user sees");
    }
}
