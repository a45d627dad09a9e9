using System.Globalization;
using Cstar.Core.Errors;
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
        // The usual case, a store at this program's version: nothing to do, and no write transaction (which would wait
        // for another cstar's writer). An older store goes through the transactions below, which read the version again.
        if (UserVersion(connection) == SchemaScripts.LatestVersion)
        {
            return;
        }

        foreach (var (version, _, sql) in SchemaScripts.All)
        {
            using var transaction = new WriteTransaction(connection);
            var current = UserVersion(connection);
            if (current > SchemaScripts.LatestVersion)
            {
                throw StoreErrors.TooNew(databasePath, current, SchemaScripts.LatestVersion);
            }

            if (current >= version)
            {
                continue;
            }

            try
            {
                Db.Execute(connection, sql + "\nPRAGMA user_version = " + version.ToString(CultureInfo.InvariantCulture) + ";");
            }
            catch (SqliteException e) when (!StoreErrors.IsCorruption(e))
            {
                throw new CstarException(
                    $"could not bring the job store {databasePath} from schema version {current} to {version} ({e.Message}); nothing was changed",
                    $"is {databasePath} a cstar job store? Move it aside or point --output-directory at another folder",
                    ExitCode.UserError,
                    e);
            }

            transaction.Commit();
        }
    }

    private static long UserVersion(SqliteConnection connection) =>
        Convert.ToInt64(Db.Scalar(connection, "PRAGMA user_version"), CultureInfo.InvariantCulture);
}
