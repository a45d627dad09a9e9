using System.Collections.Immutable;
using Cstar.Cli.Verbs;
using Cstar.Core.Errors;

namespace Cstar.Cli.Composition;

/// <summary>
/// The argv that starts nodetool on a node: [sudo [sudo-args]] nodetool [-u USER -pwf FILE] [extra args].
/// A JMX password never goes on a remote command line (visible in ps): only a password file on the nodes.
/// </summary>
internal static class NodetoolCommand
{
    public static ImmutableArray<string> Build(JobOptions options)
    {
        var argv = ImmutableArray.CreateBuilder<string>();
        if (options.UseSudo)
        {
            argv.Add("sudo");
            argv.AddRange(SplitWords(options.SudoArgs));
        }
        else if (!string.IsNullOrWhiteSpace(options.SudoArgs))
        {
            throw new CstarException("--sudo-args was given without --use-sudo.", "Add --use-sudo, or drop --sudo-args.");
        }

        argv.Add("nodetool");
        if (options.JmxUsername is { } user)
        {
            if (options.JmxPasswordFile is null)
            {
                throw new CstarException(
                    "--jmx-username needs --jmx-passwordfile: cstar never puts a JMX password on a remote command line, where ps shows it.",
                    "Create a JMX password file on the nodes (readable by the SSH user, or use --use-sudo) and pass its path with --jmx-passwordfile.");
            }

            argv.AddRange("-u", user, "-pwf", options.JmxPasswordFile);
        }

        argv.AddRange(SplitWords(options.JmxAdditionalArgs));
        return argv.ToImmutable();
    }

    private static string[] SplitWords(string? text) =>
        (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}
