using System.Runtime.InteropServices;

namespace Cstar.Transport.Local;

/// <summary>kill(2), to signal a whole process group: .NET's Process API only kills trees it can still see.</summary>
internal static partial class NativeMethods
{
    public const int SigInt = 2;
    public const int SigKill = 9;

    [LibraryImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int kill(int pid, int sig);

    /// <summary>Signals the group led by <paramref name="pid"/>, else the process alone; false when neither exists.</summary>
    public static bool SignalGroup(int pid, int signal) => kill(-pid, signal) == 0 || kill(pid, signal) == 0;
}
