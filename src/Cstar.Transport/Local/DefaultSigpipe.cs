using System.Diagnostics;

namespace Cstar.Transport.Local;

/// <summary>
/// .NET ignores SIGPIPE and its children inherit the ignore (exec keeps it, and a POSIX sh cannot undo a signal
/// ignored at its entry): <c>yes | head -1</c> in a local command would end <c>yes</c> with a "Broken pipe" error
/// instead of the quiet SIGPIPE a terminal gives. This is the argv prefix that starts a command with SIGPIPE at its
/// default, found once: GNU <c>env --default-signal=PIPE</c> (coreutils 8.31 and later), else <c>perl</c> (Debian's
/// perl-base is essential; RHEL 8 and Ubuntu 20.04 have coreutils 8.30), else none (the command starts with
/// SIGPIPE ignored, as before). Each candidate is tried on <c>true</c> before it is used; both exec, so the command
/// keeps the pid that was started.
/// </summary>
internal static class DefaultSigpipe
{
    private static readonly Lazy<IReadOnlyList<string>> Found = new(Find);

    /// <summary>The wrappers tried, in order.</summary>
    internal static readonly string[][] Candidates =
    [
        ["env", "--default-signal=PIPE"],
        ["perl", "-e", "$SIG{PIPE} = 'DEFAULT'; exec { $ARGV[0] } @ARGV; print STDERR \"$ARGV[0]: $!\\n\"; exit 127", "--"],
    ];

    /// <summary>The prefix (empty when neither tool works here).</summary>
    public static IReadOnlyList<string> Prefix => Found.Value;

    private static string[] Find() => Candidates.FirstOrDefault(Works) ?? [];

    internal static bool Works(string[] prefix)
    {
        var info = new ProcessStartInfo { FileName = prefix[0], UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in prefix.Skip(1).Append("true"))
        {
            info.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(info);
            if (process is null)
            {
                return false;
            }

            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            return process.WaitForExit(TimeSpan.FromSeconds(10)) && process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
