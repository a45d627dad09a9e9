using Cstar.Core.Errors;

namespace Cstar.Cli.Commands;

/// <summary>
/// A command script runs on every node of a cluster, often as root: one that group or others can change (or whose
/// folder lets them replace it) is refused, as ssh refuses such an authorized_keys.
/// </summary>
internal static class CommandFilePermissions
{
    private const UnixFileMode WritableByOthers = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    public static void Check(string scriptPath)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(scriptPath))!;
        foreach (var (path, what) in new[] { (scriptPath, "the command"), (folder, "the folder of the command") })
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & WritableByOthers) != 0)
            {
                throw new CstarException(
                    $"{what} {path} is writable by {Who(mode)} (mode {Octal(mode)}): cstar refuses to run a command others can change.",
                    $"chmod go-w {path}",
                    ExitCode.UserError);
            }
        }
    }

    private static string Who(UnixFileMode mode) =>
        (mode & UnixFileMode.GroupWrite) != 0 && (mode & UnixFileMode.OtherWrite) != 0 ? "group and others"
        : (mode & UnixFileMode.GroupWrite) != 0 ? "its group" : "others";

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode & 0xFFF, 8).PadLeft(4, '0');
}
