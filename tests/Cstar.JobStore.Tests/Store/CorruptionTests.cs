using Cstar.Core.Errors;
using Cstar.Core.Jobs;
using Cstar.JobStore.Inspection;
using Cstar.JobStore.Output;
using Cstar.JobStore.Tests.Support;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Cstar.JobStore.Tests.Store;

public sealed class CorruptionTests : IDisposable
{
    private readonly TempRoot _root = new();

    [Fact]
    public void A_file_of_garbage_is_reported_naming_the_file_and_left_as_it_was()
    {
        Directory.CreateDirectory(_root.Paths.JobsFolder);
        var garbage = new byte[8192];
        new Random(7).NextBytes(garbage);
        File.WriteAllBytes(_root.Paths.DatabasePath, garbage);

        var act = () => Jobs.Open(_root);

        var error = act.Should().Throw<CstarException>().Which;
        error.Message.Should().Contain(_root.Paths.DatabasePath).And.Contain("nothing was changed");
        error.Hint.Should().Contain("aside").And.Contain("restore").And.Contain("job folders");
        File.ReadAllBytes(_root.Paths.DatabasePath).Should().Equal(garbage);
    }

    [Fact]
    public void A_real_store_truncated_to_half_is_reported_and_not_modified()
    {
        using (var store = Jobs.Open(_root))
        {
            for (var i = 0; i < 60; i++)
            {
                store.CreateJob(Jobs.Definition("job-" + i), Enumerable.Range(1, 20).Select(h => "10.0.0." + h).ToList());
            }
        }

        // Closing the last connection checkpoints the WAL into jobs.db; now cut the file in half.
        var whole = File.ReadAllBytes(_root.Paths.DatabasePath);
        whole.Length.Should().BeGreaterThan(64 * 1024);
        var half = whole[..(whole.Length / 2)];
        File.WriteAllBytes(_root.Paths.DatabasePath, half);

        var act = () => Jobs.Open(_root);

        act.Should().Throw<CstarException>().Which.Message.Should().Contain(_root.Paths.DatabasePath);
        File.ReadAllBytes(_root.Paths.DatabasePath).Should().Equal(half);
        Directory.EnumerateDirectories(_root.Paths.JobsFolder).Should().HaveCount(60, "the job folders are still there");
    }

    [Fact]
    public void A_missing_jobs_folder_is_created_on_open()
    {
        using (Jobs.Open(_root))
        {
        }

        Directory.Delete(_root.Paths.JobsFolder, recursive: true);
        using var again = Jobs.Open(_root);

        Directory.Exists(_root.Paths.JobsFolder).Should().BeTrue();
    }

    [Fact]
    public void A_row_whose_definition_is_damaged_fails_to_load_with_a_clear_error_and_is_reported()
    {
        using var store = Jobs.Open(_root);
        store.CreateJob(Jobs.Definition("good"), ["h1"]);
        store.CreateJob(Jobs.Definition("bad"), ["h1"]);
        using (var connection = new SqliteConnection($"Data Source={_root.Paths.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE jobs SET definition_json = '{\"jobId\": 12, \"oops' WHERE job_id = 'bad'";
            command.ExecuteNonQuery();
        }

        var load = () => store.LoadJob("bad");

        load.Should().Throw<CstarException>().Where(e => e.Message.Contains("job bad") && e.Message.Contains("cannot be read"));
        store.ListJobs().Should().HaveCount(2, "listing does not depend on the definition");
        Inspector(store).FindUnreadable().Should().ContainSingle().Which.JobId.Should().Be("bad");
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"jobId\":\"bad\",\"commandName\":null}")]
    public void A_definition_missing_fields_is_unreadable_rather_than_half_read(string json)
    {
        using var store = Jobs.Open(_root);
        store.CreateJob(Jobs.Definition("bad"), ["h1"]);
        using (var connection = new SqliteConnection($"Data Source={_root.Paths.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE jobs SET definition_json = $json WHERE job_id = 'bad'";
            command.Parameters.AddWithValue("$json", json);
            command.ExecuteNonQuery();
        }

        var load = () => store.LoadJob("bad");

        load.Should().Throw<CstarException>().WithMessage("*cannot be read*");
    }

    [Fact]
    public void A_job_folder_without_a_row_is_reported_as_unreadable()
    {
        using var store = Jobs.Open(_root);
        store.CreateJob(Jobs.Definition("known"), ["h1"]);
        Directory.CreateDirectory(Path.Combine(_root.Paths.JobsFolder, "stray-job", "10.0.0.1"));

        var unreadable = Inspector(store).FindUnreadable();

        unreadable.Should().ContainSingle().Which.Should().Match<UnreadableJob>(u => u.JobId == "stray-job" && u.Problem.Contains("no entry"));
    }

    public void Dispose() => _root.Dispose();

    private static JobInspector Inspector(Sqlite.SqliteJobStore store) => new(store, new HostOutputReader(store, TimeProvider.System));
}
