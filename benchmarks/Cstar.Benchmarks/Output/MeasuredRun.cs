using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Cstar.Benchmarks.Output;

/// <summary>
/// Runs a published cstar/cstarpar under <c>/usr/bin/time -v</c> with stdout to a file (or /dev/null): its exit
/// code, wall time, peak RSS for the whole process life (the kernel's count), and the peak RSS it had reached when
/// its stdout first held <paramref name="marker"/> (polled from /proc/&lt;pid&gt;/status VmHWM every 100 ms).
/// </summary>
internal sealed record MeasuredRun(int ExitCode, TimeSpan Wall, long PeakRssKb, long? PeakRssKbAtMarkerKb, string Report)
{
    public static async Task<MeasuredRun> RunAsync(string executable, IReadOnlyList<string> args, string stdoutFile, IReadOnlyDictionary<string, string> environment, string? marker = null)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])["-c", "exec /usr/bin/time -v \"$@\" > \"$OUT_FILE\"", "sh", executable, .. args])
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["OUT_FILE"] = stdoutFile;
        foreach (var (k, v) in environment)
        {
            start.Environment[k] = v;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + executable);
        var stderr = process.StandardError.ReadToEndAsync();
        long? atMarker = null;
        while (!process.HasExited)
        {
            var peak = ChildPeakKb(process.Id);
            if (marker is not null && atMarker is null && peak is not null && FileContains(stdoutFile, marker))
            {
                atMarker = peak;
            }

            await Task.Delay(100);
        }

        await process.WaitForExitAsync();
        var report = await stderr;
        var match = Regex.Match(report, @"Maximum resident set size \(kbytes\): (\d+)");
        return new MeasuredRun(process.ExitCode, clock.Elapsed, match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : -1, atMarker, report);
    }

    /// <summary>VmHWM of the measured program (the child of /usr/bin/time).</summary>
    private static long? ChildPeakKb(int timePid)
    {
        try
        {
            var child = File.ReadAllText($"/proc/{timePid}/task/{timePid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            var line = child is null ? null : File.ReadLines($"/proc/{child}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Whether the (small) stdout file holds the marker: only its last 64 KB are read.</summary>
    private static bool FileContains(string path, string marker)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            file.Position = Math.Max(0, file.Length - (64 * 1024));
            using var reader = new StreamReader(file);
            return reader.ReadToEnd().Contains(marker, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    public static string Mb(long kb) => (kb / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " MB";
}
