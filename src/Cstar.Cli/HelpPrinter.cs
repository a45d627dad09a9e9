using System.Reflection;
using CommandLine;
using CommandLine.Text;
using Cstar.Core.Errors;

namespace Cstar.Cli;

/// <summary>Prints help, version or a usage error; maps each to its exit code.</summary>
internal static class HelpPrinter
{
    public static int Print<T>(string program, ParserResult<T> result, IEnumerable<Error> errors, TextWriter stdout, TextWriter stderr)
    {
        var list = errors.ToList();
        if (list.Any(e => e is VersionRequestedError))
        {
            stdout.WriteLine($"{program} {VersionInfo.Current}");
            return (int)ExitCode.Success;
        }

        var help = HelpText.AutoBuild(result, h =>
        {
            h.AdditionalNewLineAfterOption = false;
            h.Heading = $"{program} {VersionInfo.Current}";
            h.Copyright = "Run a command on every node of a Cassandra cluster, safely. Apache-2.0.";
            h.AddDashesToOption = true;
            // `cstar <verb> --help` shows what the verb does and its example, not only its flags.
            if (result.TypeInfo.Current.GetCustomAttribute<VerbAttribute>()?.HelpText is { Length: > 0 } verbHelp)
            {
                h.AddPreOptionsLine(verbHelp.Replace(" Example: ", "\nExample: ", StringComparison.Ordinal).Replace(" Examples: ", "\nExamples: ", StringComparison.Ordinal));
            }

            return HelpText.DefaultParsingErrorsHandler(result, h);
        }, e => e, verbsIndex: true);

        var isHelp = list.Any(e => e is HelpRequestedError or HelpVerbRequestedError);
        (isHelp ? stdout : stderr).WriteLine(help);
        return isHelp ? (int)ExitCode.Success : (int)ExitCode.Usage;
    }
}
