using Cstar.Cli.Errors;
using Cstar.Core.Errors;

namespace Cstar.Cli;

/// <summary>
/// The entry point of both programs and the one place where errors become messages and exit codes (README's table):
/// every exception ends here, see <see cref="ErrorReport"/>.
/// </summary>
public static class CliApplication
{
    public static async Task<int> RunAsync(string[] args, CliFlavor flavor, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        StartupTrace.Mark("main");

        // SSH.NET blocks a pool thread per channel it waits for; with 100 hosts at once the default pool
        // starves and starts crawl (measured: a 30 s spread of start times instead of well under 1 s).
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 256), Math.Max(completionPorts, 256));
        stdout ??= Console.Out;
        stderr ??= Console.Error;
        try
        {
            var dispatcher = new VerbDispatcher(stdout, stderr);
            return flavor == CliFlavor.Cstarpar
                ? await dispatcher.RunCstarparAsync(args).ConfigureAwait(false)
                : await dispatcher.RunCstarAsync(args).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The one catch-all: every error becomes a message and a documented exit code.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var report = ErrorReport.For(e);
            await stderr.WriteLineAsync($"error: {report.Error}").ConfigureAwait(false);
            if (e is Arguments.CommandLineError { Usage: { } usage })
            {
                await stderr.WriteLineAsync(usage).ConfigureAwait(false);
            }

            if (!string.IsNullOrWhiteSpace(report.Hint))
            {
                await stderr.WriteLineAsync($"hint: {report.Hint}").ConfigureAwait(false);
            }

            if (report.ExitCode == ExitCode.InternalError && Environment.GetEnvironmentVariable(ErrorReport.TraceVariable) == "1")
            {
                await stderr.WriteLineAsync(e.ToString()).ConfigureAwait(false);
            }

            return (int)report.ExitCode;
        }
    }

    /// <summary>Last words for an exception on a background thread: the report line, then exit 70 at once.</summary>
    public static void ReportUnhandled(object error)
    {
        var report = error is Exception e ? ErrorReport.For(e) : new ErrorReport($"internal error (a bug in cstar): {error}", null, ExitCode.InternalError);
        Console.Error.WriteLine($"error: {report.Error}");
        if (!string.IsNullOrWhiteSpace(report.Hint))
        {
            Console.Error.WriteLine($"hint: {report.Hint}");
        }

        Environment.Exit((int)report.ExitCode);
    }
}
