using System.Text;
using Cstar.Cli.Commands;

namespace Cstar.Cli;

/// <summary>`cstar --help`: the built-in verbs and every command found on the commands path.</summary>
internal static class TopLevelHelp
{
    public static string Render(CommandCatalog catalog)
    {
        var text = new StringBuilder();
        text.AppendLine("usage: cstar <command> [its arguments] (--seed-host HOST... | --host HOST... | --host-file FILE) [flags]");
        text.AppendLine("       cstar <verb> [flags]");
        text.AppendLine();
        text.AppendLine("Run a command on every node of a Cassandra cluster, safely: replica-, rack- and DC-aware, resumable.");
        text.AppendLine();
        text.AppendLine("Verbs:");
        text.AppendLine("  continue        resume a job where it stopped; a host never runs twice");
        text.AppendLine("  attach          watch a job running in the background or elsewhere; Ctrl+C leaves it running");
        text.AppendLine("  jobs            list jobs, show one, print a host's output");
        text.AppendLine("  pause, resume   stop starting hosts in a running job (running hosts finish), or go on");
        text.AppendLine("  set             change a running job's --max-concurrency(-per-dc) or --node-done-pause-time");
        text.AppendLine("  cleanup-jobs    delete finished jobs older than --max-job-age days");
        text.AppendLine("  ring            show clusters, DCs, racks and hosts as a job would discover them");
        text.AppendLine("  demo            a safe rolling restart on a built-in simulated ring");
        text.AppendLine("  config show     the defaults from cstar.json files and CSTAR_* variables, and where each comes from");
        text.AppendLine();
        text.AppendLine("Commands (scripts with '# C*' headers; first found wins):");
        foreach (var command in catalog.List())
        {
            string description;
            try
            {
                description = CommandCatalog.Load(command).Header.Description ?? string.Empty;
            }
            catch (Core.Errors.CstarException e)
            {
                description = "(broken: " + e.Message + ")";
            }

            text.AppendLine($"  {command.Name,-15} {description}");
        }

        text.AppendLine($"  searched: {string.Join(", ", catalog.SearchPath)}");
        text.AppendLine();
        text.AppendLine("cstar <verb or command> --help shows its flags and examples; cstarpar --help the local-command variant.");
        return text.ToString();
    }
}
