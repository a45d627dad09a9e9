using Cstar.Core.Errors;

namespace Cstar.Cli;

/// <summary>
/// The entry point of both programs and the one place where user errors become messages and exit codes.
/// </summary>
public static class CliApplication
{
    public static async Task<int> RunAsync(string[] args, CliFlavor flavor, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        ArgumentNullException.ThrowIfNull(args);

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
        catch (CstarException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            if (e is Arguments.CommandLineError { Usage: { } usage })
            {
                await stderr.WriteLineAsync(usage).ConfigureAwait(false);
            }

            if (!string.IsNullOrWhiteSpace(e.Hint))
            {
                await stderr.WriteLineAsync($"hint: {e.Hint}").ConfigureAwait(false);
            }

            return (int)e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("interrupted").ConfigureAwait(false);
            return (int)ExitCode.Interrupted;
        }
    }
}
