using System.Text;
using Cstar.Cli.Commands;

namespace Cstar.Cli;

/// <summary>`cstar --help`: the built-in verbs and every command found on the commands path.</summary>
internal static class TopLevelHelp
{
    public static string Render(CommandCatalog catalog)
    {
        var text = new StringBuilder();
        text.AppendLine($"cstar {VersionInfo.Current}: run a command on every node of a Cassandra cluster, safely.");
        text.AppendLine();
        text.AppendLine("Usage: cstar <command> [arguments] --seed-host HOST [flags]    or    cstar <verb> [flags]");
        text.AppendLine();
        text.AppendLine("Verbs:");
        text.AppendLine("  continue        Resume a job where it stopped; a host never runs twice. Example: cstar continue <job-id>");
        text.AppendLine("  jobs            List jobs, show one, print its output. Example: cstar jobs show <job-id>");
        text.AppendLine("  cleanup-jobs    Delete finished jobs older than --max-job-age days. Example: cstar cleanup-jobs --max-job-age 30");
        text.AppendLine("  ring            Show clusters, DCs, racks and hosts from a seed. Example: cstar ring --seed-host 10.0.0.1");
        text.AppendLine("  demo            A safe rolling restart on a built-in simulated ring. Example: cstar demo");
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
        text.AppendLine("Every verb and command has --help with an example. cstar --version prints the version.");
        return text.ToString();
    }
}
