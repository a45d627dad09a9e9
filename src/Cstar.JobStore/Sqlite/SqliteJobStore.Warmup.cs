using Microsoft.Data.Sqlite;

namespace Cstar.JobStore.Sqlite;

/// <summary>
/// Warming without a file: the first job of a store opens it only once discovery succeeded (a failed first run
/// leaves no jobs.db), so while discovery runs it builds the schema in a throw-away in-memory database instead. That
/// loads SQLite and compiles the open and migration paths, the part of an open that costs time; the real open then
/// only writes the file.
/// </summary>
public sealed partial class SqliteJobStore
{
    public static void WarmWithoutFile()
    {
        using var connection = new SqliteConnection("Data Source=:memory:;Pooling=False");
        connection.Open();
        Db.Execute(connection, "PRAGMA foreign_keys = ON");
        SchemaMigrator.Migrate(connection, ":memory:");
    }
}
