using System.Globalization;
using Cstar.JobStore.Faults;
using Microsoft.Data.Sqlite;

namespace Cstar.JobStore.Sqlite;

/// <summary>
/// Opening: read-only check of an existing file, then WAL, synchronous, busy_timeout, foreign keys, migrations.
/// A full, read-only or forbidden disk is one operator error (exit 74) naming the folder.
/// </summary>
public sealed partial class SqliteJobStore
{
    /// <summary>
    /// Opens (creating if needed) the store. An existing file is first checked read-only: a damaged store
    /// or one from a newer cstar throws a CstarException naming the file and is not modified.
    /// </summary>
    public static SqliteJobStore Open(JobStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            return OpenUnchecked(options);
        }
        catch (Exception e) when (StorageFaults.Describe(e, options.Paths.Root) is { } fault)
        {
            throw fault;
        }
        catch (IOException e)
        {
            // E.g. --output-directory names a file: whatever it is, it is this folder that cannot be used.
            throw StorageFaults.Describe(StorageFaultKind.Other, options.Paths.Root, e.Message, e);
        }
    }

    private static SqliteJobStore OpenUnchecked(JobStoreOptions options)
    {
        var paths = options.Paths;
        PrivateFiles.Folder(paths.Root);
        PrivateFiles.Folder(paths.JobsFolder);
        StoreFileCheck.Verify(paths.DatabasePath, SchemaVersion);

        // SQLite creates jobs.db 0644 less the umask, and its -wal/-shm with the mode of jobs.db: create it 0600 first.
        new FileStream(paths.DatabasePath, PrivateFiles.Options(FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite)).Dispose();
        foreach (var file in paths.DatabaseFiles())
        {
            PrivateFiles.Restrict(file);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = paths.DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString());
        try
        {
            connection.Open();
            var busy = ((long)options.BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            Db.Execute(connection, "PRAGMA busy_timeout = " + busy);
            var mode = Convert.ToString(Db.Scalar(connection, "PRAGMA journal_mode = WAL"), CultureInfo.InvariantCulture);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"{paths.DatabasePath}: SQLite refused WAL mode (got {mode}); is the folder on a network file system?");
            }

            Db.Execute(connection, options.SynchronousFull ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
            Db.Execute(connection, "PRAGMA foreign_keys = ON");
            SchemaMigrator.Migrate(connection, paths.DatabasePath);
            return new SqliteJobStore(connection, options);
        }
        catch (SqliteException e) when (StoreErrors.IsCorruption(e))
        {
            connection.Dispose();
            throw StoreErrors.Corrupt(paths.DatabasePath, e.Message, e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
