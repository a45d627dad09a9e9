using System.Diagnostics;
using System.Globalization;

namespace Cstar.JobStore.Processes;

/// <summary>
/// Liveness from the operating system. On Linux the start time is field 22 of <c>/proc/&lt;pid&gt;/stat</c>
/// (clock ticks since boot, exact) and a zombie counts as gone; elsewhere it is <see cref="Process.StartTime"/>.
/// </summary>
public sealed class SystemProcessLiveness : IProcessLiveness
{
    public static SystemProcessLiveness Instance { get; } = new();

    private SystemProcessLiveness()
    {
        Current = new ProcessIdentity(Environment.ProcessId, StartTimeOf(Environment.ProcessId) ?? 0);
    }

    public ProcessIdentity Current { get; }

    public bool IsAlive(ProcessIdentity process) =>
        process.Pid > 0 && StartTimeOf(process.Pid) is { } start && start == process.StartTime;

    private static long? StartTimeOf(long pid)
    {
        var stat = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat";
        if (OperatingSystem.IsLinux())
        {
            try
            {
                var text = File.ReadAllText(stat);

                // "pid (comm) S ppid ...": comm may contain spaces and ')', so split after the last ')'.
                var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
                return fields[0] == "Z" || fields[0] == "X" ? null : long.Parse(fields[19], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                return null;
            }
        }

        try
        {
            using var p = Process.GetProcessById((int)pid);
            return p.HasExited ? null : p.StartTime.ToUniversalTime().Ticks;
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
