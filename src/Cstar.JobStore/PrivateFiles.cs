namespace Cstar.JobStore;

/// <summary>
/// What cstar writes under its root is the operator's alone, whatever the umask: folders 0700, files 0600. Outputs,
/// logs and the job store hold command lines, host names and whatever commands print; a umask of 022 made them
/// world-readable, one of 000 world-writable.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder (and missing parents) 0700, and makes an existing one 0700.</summary>
    public static void Folder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, FolderMode);
        Restrict(path, FolderMode);
    }

    /// <summary>Options that create a file 0600 (an existing file keeps its mode: see <see cref="Restrict"/>).</summary>
    public static FileStreamOptions Options(System.IO.FileMode mode, FileAccess access, FileShare share, int bufferSize = 4096)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share, BufferSize = bufferSize };
        if (!OperatingSystem.IsWindows() && mode != System.IO.FileMode.Open && mode != System.IO.FileMode.Truncate)
        {
            options.UnixCreateMode = FileMode;
        }

        return options;
    }

    /// <summary>Sets <paramref name="mode"/> on an existing file or folder of ours; one we do not own is left as it is.</summary>
    public static void Restrict(string path, UnixFileMode mode = FileMode)
    {
        if (OperatingSystem.IsWindows() || !Path.Exists(path))
        {
            return;
        }

        try
        {
            if (File.GetUnixFileMode(path) != mode)
            {
                File.SetUnixFileMode(path, mode);
            }
        }
        catch (UnauthorizedAccessException)
        {
            // Not ours (a shared --output-directory): its owner decides.
        }
    }
}
