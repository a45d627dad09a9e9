using Cstar.Cli.Arguments;
using Cstar.Cli.Composition;
using Cstar.Cli.Jobs;
using Cstar.Cli.Settings;
using Cstar.Core.Commands;
using Cstar.Core.Jobs;
using Cstar.Transport;

namespace Cstar.Cli.Verbs;

/// <summary>`cstarpar [flags] COMMAND` or `cstarpar [flags] -- COMMAND WORDS`: a local command once per host, in the same safe order as cstar.</summary>
internal sealed class CstarparVerb(TextWriter stdout, TextWriter stderr, IConsolePrompt prompt, TimeProvider time)
{
    public async Task<int> RunAsync(ParsedCommandLine<CstarparOptions> parsed, CancellationToken cancellationToken)
    {
        var options = parsed.Options;
        options.Command = CommandWords(parsed);
        var fromSettings = SettingsDefaults.Apply(parsed, VerbSyntaxes.Cstarpar, CstarSettings.Load(SettingsSources.Default()));
        JobFlagCheck.Validate(options, CommandHeader.Empty("cstarpar"), VerbSyntaxes.Cstarpar);

        // cstar's way: one string, split like a shell line. Several words (after --): the shell already split them.
        var words = options.Command.ToList();
        var commandLine = words.Count == 1 ? words[0] : ShellQuote.Join(words);
        var launch = new JobLaunch(
            options,
            [.. parsed.FlagWords, .. fromSettings],
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

    /// <summary>As cstar: the command is one word (quoted), or every word after `--`.</summary>
    private static IReadOnlyList<string> CommandWords(ParsedCommandLine<CstarparOptions> parsed)
    {
        var syntax = VerbSyntaxes.Cstarpar;
        if (parsed.Positionals.Count == 0)
        {
            throw syntax.Error("cstarpar needs a command to run for each host, e.g. \"ssh {} nodetool version\" (a list flag such as --seed-host takes the plain words after it: quote the command or put it after --).");
        }

        if (parsed.Positionals.Count > 1 && !parsed.AfterDashDash)
        {
            throw syntax.Error($"the command must be one quoted word or come after `--`; got {parsed.Positionals.Count} words: {string.Join(' ', parsed.Positionals.Select(w => $"`{w}`"))}.");
        }

        return parsed.Positionals;
    }
}
