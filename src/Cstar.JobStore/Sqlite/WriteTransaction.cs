using Microsoft.Data.Sqlite;

namespace Cstar.JobStore.Sqlite;

/// <summary>
/// <c>BEGIN IMMEDIATE</c> … <c>COMMIT</c>, rolled back on dispose unless committed. IMMEDIATE takes the
/// write lock at the start, so a second cstar process waits (busy_timeout) instead of failing half-way
/// with SQLITE_BUSY when it upgrades a read to a write.
/// </summary>
internal sealed class WriteTransaction : IDisposable
{
    private readonly SqliteConnection _connection;
    private bool _done;

    public WriteTransaction(SqliteConnection connection)
    {
        _connection = connection;
        Db.Execute(connection, "BEGIN IMMEDIATE");
    }

    public void Commit()
    {
        Db.Execute(_connection, "COMMIT");
        _done = true;
    }

    public void Dispose()
    {
        if (!_done)
        {
            _done = true;
            try
            {
                Db.Execute(_connection, "ROLLBACK");
            }
            catch (SqliteException)
            {
                // SQLite already rolled back (e.g. after SQLITE_FULL); the original error is the one to report.
            }
        }
    }
}
