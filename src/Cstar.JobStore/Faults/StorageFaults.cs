using Cstar.Core.Errors;
using Microsoft.Data.Sqlite;

namespace Cstar.JobStore.Faults;

/// <summary>
/// Recognises the faults of the local disk under the store's root — full, read-only, no permission — in whatever
/// form they arrive (SQLite error codes, .NET I/O exceptions) and turns them into one operator error with the
/// path and the next step (exit 74). Anything else is not a storage fault and stays what it is.
/// </summary>
public static class StorageFaults
{
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int NoSpace = 28;
    private const int ReadOnlyFileSystem = 30;
    private const int QuotaExceeded = 122;

    /// <summary>
    /// The operator error for <paramref name="error"/> (or an exception it wraps), or null when it is no storage fault.
    /// <paramref name="root"/> is the folder cstar was writing under, when known (the detail names the file otherwise).
    /// </summary>
    public static CstarException? Describe(Exception error, string? root)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            var kind = KindOf(e);
            if (kind == StorageFaultKind.Other && root is not null)
            {
                kind = IsNearlyFull(root) ? StorageFaultKind.Full : WriteProbe(root) is { } cause ? KindOf(cause) ?? kind : kind;
            }

            if (kind is not null)
            {
                return Describe(kind.Value, root, FirstLine(e.Message), error);
            }
        }

        return null;
    }

    /// <summary>The operator error for a fault of the given kind under <paramref name="root"/>.</summary>
    public static CstarException Describe(StorageFaultKind kind, string? root, string detail, Exception? inner = null)
    {
        var folder = root ?? "the folder in the message";
        var place = root is null ? string.Empty : " under " + root;
        return kind switch
        {
            StorageFaultKind.Full => new CstarException(
                $"the disk is full{place} ({detail})",
                $"free space there (df -h {folder}) or point --output-directory at another disk; a job that had started resumes with cstar continue <job-id>",
                ExitCode.LocalStorage,
                inner),
            StorageFaultKind.ReadOnly => new CstarException(
                $"cstar cannot write{place}: read-only file system ({detail})",
                $"remount it read-write or point --output-directory at a writable folder",
                ExitCode.LocalStorage,
                inner),
            StorageFaultKind.NoPermission => new CstarException(
                $"cstar may not write{place} ({detail})",
                $"give your user write access to {folder} (cstar keeps ~/.cstar 0700, owned by you) or point --output-directory at a folder of yours",
                ExitCode.LocalStorage,
                inner),
            _ => new CstarException(
                $"cstar could not read or write its files{place} ({detail})",
                $"check the disk and the folder (df -h {folder}, ls -la {folder}); a job that had started resumes with cstar continue <job-id>",
                ExitCode.LocalStorage,
                inner),
        };
    }

    private static StorageFaultKind? KindOf(Exception e) => e switch
    {
        SqliteException { SqliteErrorCode: SqliteFull } => StorageFaultKind.Full,
        SqliteException { SqliteErrorCode: SqliteReadOnly } => StorageFaultKind.ReadOnly,
        SqliteException { SqliteErrorCode: SqliteCantOpen } => StorageFaultKind.Other,
        SqliteException { SqliteErrorCode: SqliteIoError } => StorageFaultKind.Other,
        UnauthorizedAccessException => StorageFaultKind.NoPermission,
        IOException { HResult: NoSpace or QuotaExceeded } => StorageFaultKind.Full,
        IOException { HResult: ReadOnlyFileSystem } => StorageFaultKind.ReadOnly,
        _ => null,
    };

    /// <summary>SQLite reports a full disk as "disk I/O error" when the WAL index cannot grow: ask the file system.</summary>
    private static bool IsNearlyFull(string root)
    {
        try
        {
            return Directory.Exists(root) && new DriveInfo(root).AvailableFreeSpace < 64 * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// SQLite says only "unable to open database file": try to create a file under <paramref name="root"/> to learn
    /// why (read-only, no permission, full). Null when that works or the folder is not there.
    /// </summary>
    private static Exception? WriteProbe(string root)
    {
        try
        {
            if (Directory.Exists(root))
            {
                using var probe = new FileStream(
                    Path.Combine(root, $".write-probe-{Environment.ProcessId}"), FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e;
        }
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length == 0 ? "no detail" : line;
    }
}
