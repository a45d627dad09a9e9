using Cstar.JobStore.Processes;

namespace Cstar.JobStore.Locks;

/// <summary>
/// A cluster's lock shared by every job store on this machine: an exclusive <c>flock</c> on
/// <c>&lt;folder&gt;/cluster-&lt;key&gt;.lock</c>, held by an open file for as long as the job runs. The kernel drops it
/// when the holder exits in any way (kill -9 included), so a crashed holder never blocks. Beside it, the holder writes
/// who it is (<c>cluster-&lt;key&gt;.&lt;pid&gt;.holder</c>) so a refused operator is told whose job it is.
/// </summary>
public sealed class MachineClusterLock : IDisposable
{
    private readonly FileStream _lock;
    private readonly string _holderFile;

    private MachineClusterLock(FileStream handle, string holderFile)
    {
        _lock = handle;
        _holderFile = holderFile;
    }

    /// <summary>The lock, or null with the holder (null when it could not be read) when another process has it.</summary>
    public static MachineClusterLock? TryAcquire(string folder, string key, LockHolder self, IProcessLiveness processes, out LockHolder? holder)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(processes);
        if (AppContext.TryGetSwitch("System.IO.DisableFileLocking", out var disabled) && disabled
            || Environment.GetEnvironmentVariable("DOTNET_SYSTEM_IO_DISABLEFILELOCKING") is "1" or "true")
        {
            throw new InvalidOperationException("file locking is disabled (DOTNET_SYSTEM_IO_DISABLEFILELOCKING): cstar's cluster lock needs it; unset it");
        }

        MachineLockFolder.Ensure(folder);
        var path = Path.Combine(folder, $"cluster-{key}.lock");
        if (new FileInfo(path).LinkTarget is not null)
        {
            throw new IOException($"{path} is a symbolic link; remove it (cstar's lock files are plain empty files)");
        }

        holder = null;
        FileStream handle;
        try
        {
            handle = new FileStream(path, LockFileOptions());
        }
        catch (IOException) when (File.Exists(path))
        {
            holder = ReadHolder(folder, key, processes);
            return null;
        }

        var holderFile = Path.Combine(folder, $"cluster-{key}.{Environment.ProcessId}.holder");
        try
        {
            File.WriteAllText(holderFile, self.Serialize());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(holderFile, ReadableByAll);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Who holds the lock is a courtesy to others; the lock itself is held.
        }

        return new MachineClusterLock(handle, holderFile);
    }

    private const UnixFileMode ReadableByAll = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>
    /// Opened read-only (any user can lock a file another user created) and FileShare.None: .NET then takes
    /// flock(LOCK_EX | LOCK_NB) on the descriptor, and throws when another process holds it.
    /// </summary>
    private static FileStreamOptions LockFileOptions()
    {
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.Read, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = ReadableByAll;
        }

        return options;
    }

    public void Dispose()
    {
        try
        {
            File.Delete(_holderFile);
        }
        catch (IOException)
        {
            // Only a hint for others: a stale one names a process that is gone, and is ignored.
        }

        _lock.Dispose();
    }

    private static LockHolder? ReadHolder(string folder, string key, IProcessLiveness processes)
    {
        foreach (var file in Directory.EnumerateFiles(folder, $"cluster-{key}.*.holder"))
        {
            try
            {
                if (LockHolder.Parse(File.ReadAllText(file)) is { } holder && processes.IsAlive(holder.Process))
                {
                    return holder;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Being written or removed right now: try the next.
            }
        }

        return null;
    }
}
