using System.Text;
using Cstar.Cli.Commands;
using Cstar.Core.Commands;

namespace Cstar.Cli.Verbs;

/// <summary>`cstar &lt;command&gt; --help`: the script's description, its own options, and where the job flags are described.</summary>
internal static class ScriptCommandHelp
{
    public static string Render(CommandFile command, CommandHeader header)
    {
        var text = new StringBuilder();
        text.AppendLine($"cstar {command.Name}: {header.Description ?? "(no description in the script header)"}");
        text.AppendLine($"  script: {command.Path}");
        text.AppendLine($"  defaults: strategy {header.Strategy ?? "topology"}, cluster-parallel {Bool(header.ClusterParallel)}, dc-parallel {Bool(header.DcParallel)}"
            + (header.WaitForCql ? ", waits for CQL" : string.Empty)
            + (header.Timeout is { } t ? $", timeout {DurationText.Format(t)}" : string.Empty)
            + (header.MaxConcurrency is { } j ? $", max-concurrency {j}" : string.Empty));
        text.AppendLine();
        if (header.Arguments.IsEmpty)
        {
            text.AppendLine("This command takes no arguments of its own.");
        }
        else
        {
            text.AppendLine("Arguments (reach the script as environment variables):");
            foreach (var a in header.Arguments)
            {
                var flags = (a.Required ? " (required)" : string.Empty) + (a.Default is null ? string.Empty : $" (default: {a.Default})");
                text.AppendLine($"  {a.Option} VALUE   -> ${a.Name}{flags}  {a.Description}");
            }
        }

        text.AppendLine();
        text.AppendLine($"Example: cstar {command.Name} {string.Join(' ', header.Arguments.Where(a => a.Required).Select(a => a.Option + " ..."))} --seed-host 10.0.0.1 --dry-run".Replace("  ", " ", StringComparison.Ordinal));
        text.AppendLine("Job flags (hosts, strategy, SSH, safety):");
        return text.ToString();
    }

    private static string Bool(bool? value) => value switch { true => "true", false => "false", null => "false" };
}
