using Cstar.Cli.Verbs;
using Cstar.Core.Jobs;

namespace Cstar.Cli.Jobs;

/// <summary>
/// `continue` runs the copy of the script stored with the job. When the file it came from has changed since,
/// the operator is told, and may choose the file as it is now with --reload-command.
/// </summary>
internal static class CommandDrift
{
    /// <summary>The script as it is now on disk when it differs from the stored copy; null when unchanged, unknown or gone.</summary>
    public static CommandSource? Changed(CommandSource stored)
    {
        if (stored.ScriptPath is not { } path || !File.Exists(path))
        {
            return null;
        }

        var text = File.ReadAllText(path);
        var sha = ScriptCommandVerb.Sha256Hex(text);
        return sha == stored.Sha256 ? null : new CommandSource(text, path, sha);
    }

    public static string Note(CommandSource current, bool reload) => reload
        ? $"note: {current.ScriptPath} changed since the job started; --reload-command: the hosts still to run get it as it is now (the job's stored copy is not replaced)."
        : $"note: {current.ScriptPath} changed since the job started; running the copy stored with the job. Pass --reload-command to run the file as it is now.";
}
