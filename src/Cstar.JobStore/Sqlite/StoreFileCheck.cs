using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Cstar.JobStore.Sqlite;

/// <summary>
/// Checks an existing store through a READ-ONLY connection before the store opens it for writing:
/// a damaged file or a schema from a newer cstar is reported and left exactly as it was (the
/// read-write open would switch journal modes and migrate, i.e. write).
/// </summary>
internal static class StoreFileCheck
{
    private static readonly byte[] Magic = "SQLite format 3\0"u8.ToArray();

    public static void Verify(string databasePath, int programVersion)
    {
        var info = new FileInfo(databasePath);
        if (!info.Exists || info.Length == 0)
        {
            return;
        }

        var header = new byte[Magic.Length];
        using (var file = new FileStream(databasePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            if (file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length || !header.AsSpan().SequenceEqual(Magic))
            {
                throw StoreErrors.Corrupt(databasePath, "it does not start with the SQLite header");
            }
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            var version = Convert.ToInt64(Scalar(connection, "PRAGMA user_version"), CultureInfo.InvariantCulture);
            if (version > programVersion)
            {
                throw StoreErrors.TooNew(databasePath, version, programVersion);
            }

            var check = Convert.ToString(Scalar(connection, "PRAGMA quick_check(1)"), CultureInfo.InvariantCulture);
            if (!string.Equals(check, "ok", StringComparison.Ordinal))
            {
                throw StoreErrors.Corrupt(databasePath, "integrity check: " + check);
            }
        }
        catch (SqliteException e) when (StoreErrors.IsCorruption(e))
        {
            throw StoreErrors.Corrupt(databasePath, e.Message, e);
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
