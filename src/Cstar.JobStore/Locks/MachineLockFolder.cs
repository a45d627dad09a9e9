namespace Cstar.JobStore.Locks;

/// <summary>
/// Where every cstar on this machine, whatever its user or HOME, keeps the cluster locks: <c>$CSTAR_LOCK_DIR</c>, else
/// <c>/run/lock/cstar</c> (the system's folder for lock files: a tmpfs emptied at boot, never aged by tmp cleaners)
/// where <c>/run/lock</c> exists, else <c>/tmp/cstar-locks</c>. Created 1777 (sticky, like /tmp): every user can
/// create a lock file, nobody can delete or replace another user's.
/// </summary>
public static class MachineLockFolder
{
    public const string Variable = "CSTAR_LOCK_DIR";

    public static string Default() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured
            ? configured
            : Directory.Exists("/run/lock") ? "/run/lock/cstar" : "/tmp/cstar-locks";

    /// <summary>Creates the folder 1777 if it is missing; refuses a symbolic link in its place.</summary>
    public static string Ensure(string folder)
    {
        var info = new DirectoryInfo(folder);
        if (info.Exists && info.LinkTarget is not null)
        {
            throw new IOException($"{folder} is a symbolic link; cstar keeps its cluster locks only in a real folder");
        }

        if (!info.Exists)
        {
            Directory.CreateDirectory(folder);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(folder, (UnixFileMode)Convert.ToInt32("1777", 8));
            }
        }

        return folder;
    }
}
