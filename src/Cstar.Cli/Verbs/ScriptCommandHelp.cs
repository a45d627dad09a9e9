using System.Text;
using Cstar.Cli.Commands;
using Cstar.Core.Commands;

namespace Cstar.Cli.Verbs;

/// <summary>The part of `cstar &lt;command&gt; --help` that comes from the script: where it is, its header's defaults, its own arguments.</summary>
internal static class ScriptCommandHelp
{
    public static string Render(CommandFile command, CommandHeader header)
    {
        var text = new StringBuilder();
        text.AppendLine($"Script: {command.Path}");
        text.AppendLine($"Its header: strategy {header.Strategy ?? "topology"}, cluster-parallel {Bool(header.ClusterParallel)}, dc-parallel {Bool(header.DcParallel)}"
            + (header.WaitForCql ? ", waits for CQL" : string.Empty)
            + (header.MaxPendingCompactions is { } c ? $", back-pressure: fewer than {c} pending compactions (--max-pending-compactions)" : string.Empty)
            + (header.Timeout is { } t ? $", timeout {DurationText.Format(t)}" : string.Empty)
            + (header.MaxConcurrency is { } j ? $", max-concurrency {j}" : string.Empty)
            + " (flags override it).");
        text.AppendLine();
        if (header.Arguments.IsEmpty)
        {
            text.AppendLine("This command takes no arguments of its own.");
        }
        else
        {
            text.AppendLine("Arguments of this command (reach the script as environment variables):");
            foreach (var a in header.Arguments)
            {
                var flags = (a.Required ? " (required)" : string.Empty) + (a.Default is null ? string.Empty : $" (default: {a.Default})");
                text.AppendLine($"  {a.Option + " VALUE",-32}{a.Description} -> ${a.Name}{flags}");
            }
        }

        return text.ToString();
    }

    private static string Bool(bool? value) => value switch { true => "true", false => "false", null => "false" };
}
