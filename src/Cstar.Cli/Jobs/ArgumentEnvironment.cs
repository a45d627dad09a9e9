using System.Collections.Immutable;
using Cstar.Cli.Composition;
using Cstar.Core.Commands;
using Cstar.Core.Errors;
using Cstar.Core.Jobs;

namespace Cstar.Cli.Jobs;

/// <summary>
/// Argument values for the job: literal values as given, secret ones as references to cstar's own
/// environment (or a prompt) — and, at run time, the environment the script receives.
/// </summary>
internal static class ArgumentEnvironment
{
    public static ImmutableArray<JobArgument> ToJobArguments(CommandHeader header, IReadOnlyDictionary<string, string> values)
    {
        var arguments = ImmutableArray.CreateBuilder<JobArgument>();
        foreach (var (name, value) in values)
        {
            arguments.Add(JobArgument.FromLiteral(name, value));
        }

        foreach (var secret in header.Arguments.Where(a => a.Secret))
        {
            if (values.ContainsKey(secret.Name))
            {
                throw new CstarException(
                    $"{secret.Option} takes no value on the command line: it is a secret, visible there in ps and shell history.",
                    $"Set {secret.Name} in cstar's environment, or let cstar ask for it.",
                    ExitCode.Usage);
            }

            arguments.Add(JobArgument.FromEnvironment(secret.Name, secret.Name));
        }

        return arguments.ToImmutable();
    }

    /// <summary>
    /// The values the script sees; secrets read now from the environment, else asked. A secret nobody can give (not
    /// set, no terminal) stops a job whose header requires it before anything runs; an optional one is announced
    /// on <paramref name="warnings"/> and left out, never silently.
    /// </summary>
    public static Dictionary<string, string> Resolve(IEnumerable<JobArgument> arguments, IConsolePrompt prompt, CommandHeader header, TextWriter warnings)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            if (argument.Literal is { } literal)
            {
                environment[argument.Name] = literal;
                continue;
            }

            var variable = argument.Secret!.EnvironmentVariable;
            var value = Environment.GetEnvironmentVariable(variable) ?? prompt.AskSecret($"{argument.Name} (secret; or set {variable}): ");
            if (value is not null)
            {
                environment[argument.Name] = value;
                continue;
            }

            var declared = header.Arguments.FirstOrDefault(a => string.Equals(a.Name, argument.Name, StringComparison.Ordinal));
            if (declared is { Required: true })
            {
                throw new CstarException(
                    $"{declared.Option} is a required secret and none was given: {variable} is not set and there is no terminal to ask on.",
                    $"Set {variable} in cstar's environment (e.g. read -rs {variable}; export {variable}), then run again.");
            }

            warnings.WriteLine($"warning: secret {argument.Name} not given ({variable} is not set and there is no terminal to ask on): the script runs without it.");
        }

        return environment;
    }
}
