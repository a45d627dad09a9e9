using System.Globalization;

namespace Cstar.TestKit.Ssh;

/// <summary>Reads /proc: who is whose child, and which processes carry a marker in their command line.</summary>
public static class ProcessTable
{
    public static int? ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static IReadOnlyList<int> AllPids() =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(n => n is not null && n.All(char.IsAsciiDigit))
            .Select(n => int.Parse(n!, CultureInfo.InvariantCulture))
            .ToList();

    /// <summary>Every process below <paramref name="pid"/>, deepest last.</summary>
    public static IReadOnlyList<int> Descendants(int pid)
    {
        var parents = AllPids().Select(p => (Pid: p, Parent: ParentOf(p))).ToList();
        var result = new List<int>();
        var frontier = new Queue<int>([pid]);
        while (frontier.Count > 0)
        {
            var current = frontier.Dequeue();
            foreach (var child in parents.Where(p => p.Parent == current).Select(p => p.Pid))
            {
                result.Add(child);
                frontier.Enqueue(child);
            }
        }

        return result;
    }

    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    /// <summary>Live (non-zombie) processes whose command line contains <paramref name="marker"/>.</summary>
    public static IReadOnlyList<int> WithCommandLine(string marker) =>
        AllPids().Where(p => CommandLine(p).Contains(marker, StringComparison.Ordinal) && !IsZombie(p)).ToList();

    /// <summary>
    /// Waits (bounded) until no live process has <paramref name="marker"/> in its command line: a killed process
    /// dies asynchronously (a signal's delivery, sshd hanging up a session), so a check at once races with it.
    /// </summary>
    public static Task<bool> GoneAsync(string marker, TimeSpan within) =>
        Simulation.Eventually.HoldsAsync(() => Task.FromResult(WithCommandLine(marker).Count == 0), within);

    public static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }

    public static void Signal(int pid, string signal)
    {
        using var kill = System.Diagnostics.Process.Start("kill", ["-s", signal, pid.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
