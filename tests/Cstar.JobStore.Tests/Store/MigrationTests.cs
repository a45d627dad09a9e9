using Cstar.Core.Errors;
using Cstar.JobStore.Sqlite;
using Cstar.JobStore.Tests.Support;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Cstar.JobStore.Tests.Store;

public sealed class MigrationTests : IDisposable
{
    private readonly TempRoot _root = new();

    [Fact]
    public void A_migration_that_fails_half_way_is_rolled_back_whole()
    {
        // A foreign database at version 0 whose table clashes with the LAST statement of 001-initial.sql.
        Directory.CreateDirectory(_root.Path);
        using (var connection = Connect())
        {
            Execute(connection, "CREATE TABLE cluster_locks (something TEXT)");
        }

        var act = () => Jobs.Open(_root);

        act.Should().Throw<CstarException>().Where(e => e.Message.Contains(_root.Paths.DatabasePath) && e.Message.Contains("schema version 0 to 1"));
        using var check = Connect();
        Scalar(check, "PRAGMA user_version").Should().Be(0L);
        Scalar(check, "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('jobs', 'hosts', 'host_transitions')").Should().Be(0L, "the earlier statements were rolled back too");
    }

    [Fact]
    public void Two_stores_on_the_same_root_write_at_once_without_busy_errors()
    {
        using var one = Jobs.Open(_root, new FakeProcessLiveness(pid: 1));
        using var two = Jobs.Open(_root, new FakeProcessLiveness(pid: 2));
        one.CreateJob(Jobs.Definition("job-one"), ["h1", "h2", "h3"]);
        two.CreateJob(Jobs.Definition("job-two"), ["h1", "h2", "h3"]);

        Parallel.Invoke(
            () => Enumerable.Range(1, 3).ToList().ForEach(h => Jobs.Succeed(one, "job-one", "h" + h, Jobs.T0)),
            () => Enumerable.Range(1, 3).ToList().ForEach(h => Jobs.Succeed(two, "job-two", "h" + h, Jobs.T0)));

        one.ListJobs().Should().OnlyContain(j => j.Hosts.Succeeded == 3);
    }

    [Fact]
    public void A_store_at_an_older_schema_version_is_brought_to_the_latest_one()
    {
        Directory.CreateDirectory(_root.Path);
        using (var connection = Connect())
        {
            Execute(connection, Sqlite.SchemaScripts.All[0].Sql + "\nPRAGMA user_version = 1;");
        }

        using (Jobs.Open(_root))
        {
        }

        using var check = Connect();
        Scalar(check, "PRAGMA user_version").Should().Be((long)Sqlite.SchemaScripts.LatestVersion);
        Scalar(check, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'job_controls'").Should().Be(1L, "002-job-controls.sql ran");
    }

    [Fact]
    public void A_store_at_the_latest_version_opens_while_another_process_holds_the_write_lock()
    {
        using (Jobs.Open(_root))
        {
        }

        using var writer = Connect();
        Execute(writer, "BEGIN IMMEDIATE");

        // No migration is due: opening takes no write transaction, so it does not wait for (or fail on) the writer.
        var open = () => SqliteJobStore.Open(JobStoreOptions.At(_root.Path) with { BusyTimeout = TimeSpan.FromMilliseconds(50) }).Dispose();

        open.Should().NotThrow();
        Execute(writer, "ROLLBACK");
    }

    [Fact]
    public void The_embedded_scripts_are_the_numbered_files_of_jobs_schema()
    {
        var files = Directory.GetFiles(Path.Combine(Cstar.TestKit.RepositoryPaths.Root, "jobs-schema"), "*.sql").Order(StringComparer.Ordinal).ToList();

        Sqlite.SchemaScripts.All.Select(s => s.Name).Should().Equal(files.Select(Path.GetFileName));
        Sqlite.SchemaScripts.All.Select(s => s.Sql).Should().Equal(files.Select(File.ReadAllText));
        Sqlite.SchemaScripts.LatestVersion.Should().Be(files.Count);
    }

    public void Dispose() => _root.Dispose();

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection($"Data Source={_root.Paths.DatabasePath};Pooling=False");
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
