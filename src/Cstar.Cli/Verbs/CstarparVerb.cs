using System.Collections.Immutable;
using Cstar.Cli.Composition;
using Cstar.Cli.Jobs;
using Cstar.Core.Commands;
using Cstar.Core.Errors;
using Cstar.Core.Jobs;
using Cstar.Transport;

namespace Cstar.Cli.Verbs;

/// <summary>`cstarpar [flags] [--] COMMAND {}`: a local command once per host, in the same safe order as cstar.</summary>
internal sealed class CstarparVerb(TextWriter stdout, TextWriter stderr, IConsolePrompt prompt, TimeProvider time)
{
    public async Task<int> RunAsync(CstarparOptions options, string[] args, CancellationToken cancellationToken)
    {
        var words = options.Command.ToList();
        if (words.Count == 0)
        {
            throw new CstarException("cstarpar needs a command to run for each host.", "Example: cstarpar --seed-host 10.0.0.1 -- ssh {} nodetool flush", ExitCode.Usage);
        }

        // cstar's way: one string, split like a shell line. Several words: the shell already split them.
        var commandLine = words.Count == 1 ? words[0] : ShellQuote.Join(words);
        var flagWords = FlagWords(args, words);
        var launch = new JobLaunch(
            options,
            flagWords,
            "cstarpar",
            CommandHeader.Empty("cstarpar") with { TakesNodeDown = DeclaresTakesNodeDown(words) },
            new CommandSource(commandLine, null, ScriptCommandVerb.Sha256Hex(commandLine)),
            [],
            RunnerKind.Local);
        return await new JobLauncher(stdout, stderr, prompt, time).RunNewAsync(launch, cancellationToken);
    }

    /// <summary>
    /// A local script run by cstarpar (e.g. commands/cstarpar/reboot.sh) may say `# C* takes-node-down: true` in its
    /// header; only that key is used (cstarpar's strategy comes from its flags, as in cstar).
    /// </summary>
    private static bool DeclaresTakesNodeDown(List<string> words)
    {
        var split = CommandLineSplitter.Split(words.Count == 1 ? words[0] : ShellQuote.Join(words));
        return split is [var first, ..] && File.Exists(first)
            && CommandHeaderParser.Parse(first, "cstarpar", File.ReadAllText(first)).TakesNodeDown;
    }

    /// <summary>The flags without the command words, so `continue` can parse them back as job flags.</summary>
    private static ImmutableArray<string> FlagWords(string[] args, List<string> command)
    {
        var dashDash = Array.IndexOf(args, "--");
        if (dashDash >= 0)
        {
            return [.. args[..dashDash]];
        }

        var remaining = new List<string>(args);
        foreach (var word in command)
        {
            remaining.RemoveAt(remaining.LastIndexOf(word));
        }

        return [.. remaining];
    }
}
