using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Cstar.JobStore.Sqlite;

/// <summary>
/// Brings a store to <see cref="SchemaScripts.LatestVersion"/>: each missing script runs in its own
/// <c>BEGIN IMMEDIATE</c> transaction together with <c>PRAGMA user_version = N</c>, so a crash leaves the
/// store at the previous version, never half-migrated. The version is re-read inside the transaction,
/// so two cstar processes opening an old store at once migrate it once.
/// </summary>
internal static class SchemaMigrator
{
    public static void Migrate(SqliteConnection connection, string databasePath)
    {
        foreach (var (version, _, sql) in SchemaScripts.All)
        {
            using var transaction = new WriteTransaction(connection);
            var current = Convert.ToInt64(Db.Scalar(connection, "PRAGMA user_version"), CultureInfo.InvariantCulture);
            if (current > SchemaScripts.LatestVersion)
            {
                throw StoreErrors.TooNew(databasePath, current, SchemaScripts.LatestVersion);
            }

            if (current >= version)
            {
                continue;
            }

            Db.Execute(connection, sql + "\nPRAGMA user_version = " + version.ToString(CultureInfo.InvariantCulture) + ";");

            transaction.Commit();
        }
    }
}
