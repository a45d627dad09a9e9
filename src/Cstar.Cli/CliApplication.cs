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
