using Microsoft.Data.Sqlite;

namespace Cstar.JobStore.Sqlite;

/// <summary>Tiny helpers over a connection: parameters by position ($1, $2...), times as Unix milliseconds.</summary>
internal static class Db
{
    public static SqliteCommand Command(SqliteConnection connection, string sql, params object?[] args)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < args.Length; i++)
        {
            command.Parameters.AddWithValue("$" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), args[i] ?? DBNull.Value);
        }

        return command;
    }

    public static int Execute(SqliteConnection connection, string sql, params object?[] args)
    {
        using var command = Command(connection, sql, args);
        return command.ExecuteNonQuery();
    }

    public static object? Scalar(SqliteConnection connection, string sql, params object?[] args)
    {
        using var command = Command(connection, sql, args);
        return command.ExecuteScalar();
    }

    public static long? Millis(DateTimeOffset? time) => time?.ToUnixTimeMilliseconds();

    public static DateTimeOffset? Time(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    public static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? Long(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}
