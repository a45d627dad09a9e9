using Cstar.Core.Commands;
using Cstar.Core.Errors;

namespace Cstar.Cli.Commands;

/// <summary>
/// The command scripts on the search path: ~/.cstar/commands, /etc/cstar/commands, then the bundled
/// commands/ beside the program; the first file of a name wins. Headers are read only when a command is
/// used, so a malformed header breaks only that command.
/// </summary>
internal sealed class CommandCatalog(IReadOnlyList<string> searchPath)
{
    public static IReadOnlyList<string> DefaultSearchPath(string home) =>
    [
        Path.Combine(home, ".cstar", "commands"),
        "/etc/cstar/commands",
        Path.Combine(AppContext.BaseDirectory, "commands"),
    ];

    public IReadOnlyList<string> SearchPath => searchPath;

    public IReadOnlyList<CommandFile> List()
    {
        var found = new Dictionary<string, CommandFile>(StringComparer.Ordinal);
        foreach (var folder in searchPath.Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            {
                var fileName = Path.GetFileName(file);
                if (fileName.EndsWith('~') || fileName.StartsWith('#') || fileName.StartsWith('.'))
                {
                    continue;
                }

                var name = CommandHeaderParser.CommandNameFromFileName(fileName);
                found.TryAdd(name, new CommandFile(name, file));
            }
        }

        return [.. found.Values.OrderBy(c => c.Name, StringComparer.Ordinal)];
    }

    public CommandFile? Find(string name) => List().FirstOrDefault(c => c.Name == name);

    /// <summary>
    /// Reads and parses the script; a malformed header throws a CommandHeaderException naming file and line, a script
    /// that group or others can change is refused (<see cref="CommandFilePermissions"/>).
    /// </summary>
    public static (CommandHeader Header, string Text) Load(CommandFile command)
    {
        string text;
        try
        {
            CommandFilePermissions.Check(command.Path);
            text = File.ReadAllText(command.Path);
        }
        catch (IOException e)
        {
            throw new CstarException($"Cannot read the command script {command.Path}: {e.Message}", "Check the file's permissions.");
        }

        return (CommandHeaderParser.Parse(command.Path, command.Name, text), text);
    }
}
