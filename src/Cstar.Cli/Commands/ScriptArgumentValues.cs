using System.Collections.Immutable;
using Cstar.Core.Commands;
using Cstar.Core.Errors;

namespace Cstar.Cli.Commands;

/// <summary>
/// Takes a command's own options (declared by `# C* argument`) out of the command line, so the rest can be
/// parsed as job flags. Values are kept exactly as given; they reach the script through its environment.
/// </summary>
internal static class ScriptArgumentValues
{
    public static (ImmutableSortedDictionary<string, string> Values, string[] Remaining) Extract(CommandHeader header, IReadOnlyList<string> args)
    {
        var values = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                rest.AddRange(args.Skip(i));
                break;
            }

            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var option = eq > 0 ? arg[..eq] : arg;
            var declared = header.Arguments.FirstOrDefault(a => a.Option == option);
            if (declared is null)
            {
                rest.Add(arg);
                continue;
            }

            string value;
            if (eq > 0)
            {
                value = arg[(eq + 1)..];
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                throw new CstarException($"{option} needs a value.", $"Write {option} VALUE (quote it if it has spaces).", ExitCode.Usage);
            }

            if (values.ContainsKey(declared.Name))
            {
                throw new CstarException($"{option} is given twice.", "Give it once.", ExitCode.Usage);
            }

            values[declared.Name] = value;
        }

        foreach (var argument in header.Arguments.Where(a => !values.ContainsKey(a.Name)))
        {
            if (argument.Default is not null)
            {
                values[argument.Name] = argument.Default;
            }
            else if (argument.Required)
            {
                throw new CstarException($"{argument.Option} is required by the '{header.Name}' command.", $"See cstar {header.Name} --help.", ExitCode.Usage);
            }
        }

        return (values.ToImmutable(), rest.ToArray());
    }
}
