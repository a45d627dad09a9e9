using Cstar.JobStore.Sqlite;
using FluentAssertions;
using Xunit;

namespace Cstar.JobStore.Tests.Store;

/// <summary>The store's folder is 0700 and its database files 0600, also when an older cstar left them open to others.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class PrivateStoreFilesTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cstar-private-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string Mode(string path) => Convert.ToString((int)File.GetUnixFileMode(path), 8);

    [Fact]
    public void A_new_store_is_a_0700_folder_with_0600_database_files()
    {
        using (SqliteJobStore.Open(JobStoreOptions.At(_root)))
        {
            Mode(_root).Should().Be("700");
            Mode(Path.Combine(_root, "jobs")).Should().Be("700");
            foreach (var file in new JobStorePaths(_root).DatabaseFiles().Where(File.Exists))
            {
                Mode(file).Should().Be("600", file);
            }

            File.Exists(Path.Combine(_root, "jobs.db-wal")).Should().BeTrue("WAL mode: the -wal file exists while the store is open");
        }
    }

    [Fact]
    public void A_store_left_readable_by_others_is_made_private_when_opened()
    {
        using (SqliteJobStore.Open(JobStoreOptions.At(_root)))
        {
        }

        File.SetUnixFileMode(_root, (UnixFileMode)Convert.ToInt32("755", 8));
        File.SetUnixFileMode(Path.Combine(_root, "jobs.db"), (UnixFileMode)Convert.ToInt32("644", 8));

        using (SqliteJobStore.Open(JobStoreOptions.At(_root)))
        {
            Mode(_root).Should().Be("700");
            Mode(Path.Combine(_root, "jobs.db")).Should().Be("600");
        }
    }
}
