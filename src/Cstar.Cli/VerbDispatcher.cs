using Cstar.Cli.Arguments;
using Cstar.Cli.Commands;
using Cstar.Cli.Composition;
using Cstar.Cli.Jobs;
using Cstar.Cli.Settings;
using Cstar.Cli.Verbs;
using Cstar.Core.Errors;

namespace Cstar.Cli;

/// <summary>
/// Routes a command line: a script from the commands path (`cstar run`, `cstar restart`, …) or a built-in
/// verb (continue, cleanup-jobs, ring, jobs, demo). Built-in verbs win over scripts of the same name.
/// </summary>
internal sealed class VerbDispatcher(TextWriter stdout, TextWriter stderr)
{
    private static readonly string[] BuiltInVerbs = ["continue", "attach", "cleanup-jobs", "ring", "jobs", "demo", "config", "pause", "resume", "set"];

    private readonly IConsolePrompt _prompt = new TerminalPrompt();
    private readonly TimeProvider _time = TimeProvider.System;

    private static CommandCatalog Catalog => new(CommandCatalog.DefaultSearchPath(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)));

    public async Task<int> RunCstarAsync(string[] args)
    {
        var catalog = Catalog;
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            await stdout.WriteAsync(TopLevelHelp.Render(catalog));
            return args.Length == 0 ? (int)ExitCode.Usage : 0;
        }

        if (args[0] == "--version")
        {
            await stdout.WriteLineAsync($"cstar {VersionInfo.Current}");
            return 0;
        }

        var rest = args[1..];
        switch (args[0])
        {
            case "continue":
                return await RunAsync<ContinueOptions>(VerbSyntaxes.Continue, rest, o => new JobLauncher(stdout, stderr, _prompt, _time).ContinueAsync(o, CancellationToken.None));
            case "attach":
                return await RunAsync<AttachOptions>(VerbSyntaxes.Attach, rest, o => new Attach.AttachVerb(stdout, stderr, _time).RunAsync(o));
            case "cleanup-jobs":
                return await RunAsync<CleanupJobsOptions>(VerbSyntaxes.CleanupJobs, rest, o => new CleanupJobsVerb(stdout, _prompt, _time).RunAsync(o));
            case "ring":
                return await RunParsedAsync<RingOptions>(VerbSyntaxes.Ring, rest, parsed =>
                {
                    SettingsDefaults.Apply(parsed, VerbSyntaxes.Ring, CstarSettings.Load(SettingsSources.Default()));
                    JobFlagCheck.Validate(parsed.Options, Core.Commands.CommandHeader.Empty("ring"), VerbSyntaxes.Ring);
                    return new RingVerb(stdout, stderr, _prompt, _time).RunAsync(parsed.Options, CancellationToken.None);
                });
            case "config":
                return await RunAsync<ConfigOptions>(VerbSyntaxes.Config, rest, o => new ConfigVerb(stdout).RunAsync(o, CstarSettings.Load(SettingsSources.Default())));
            case "jobs":
                return await RunAsync<JobsOptions>(VerbSyntaxes.Jobs, rest, o => new JobsVerb(stdout, stderr, _time).RunAsync(o, CancellationToken.None));
            case "pause":
                return await RunAsync<ControlOptions>(VerbSyntaxes.Pause, rest, o => new ControlVerb(stdout, _time).PauseAsync(o));
            case "resume":
                return await RunAsync<ControlOptions>(VerbSyntaxes.Resume, rest, o => new ControlVerb(stdout, _time).ResumeAsync(o));
            case "set":
                return await RunAsync<SetOptions>(VerbSyntaxes.Set, rest, o => new ControlVerb(stdout, _time).SetAsync(o));
            case "demo":
                return await RunAsync<DemoOptions>(VerbSyntaxes.Demo, rest, o => new Demo.DemoVerb(stdout, stderr, _time).RunAsync(o, CancellationToken.None));
        }

        var command = catalog.Find(args[0]) ?? throw UnknownVerb(args[0], catalog);
        return await new ScriptCommandVerb(stdout, stderr, _prompt, _time).RunAsync(command, rest, CancellationToken.None);
    }

    public async Task<int> RunCstarparAsync(string[] args)
    {
        var parsed = ArgumentParser.Parse<CstarparOptions>(VerbSyntaxes.Cstarpar, args);
        if (parsed.HelpRequested || parsed.VersionRequested)
        {
            await stdout.WriteAsync(parsed.HelpRequested ? VerbHelp.Render(VerbSyntaxes.Cstarpar) : $"cstarpar {VersionInfo.Current}\n");
            return 0;
        }

        return await new CstarparVerb(stdout, stderr, _prompt, _time).RunAsync(parsed, CancellationToken.None);
    }

    private Task<int> RunAsync<T>(VerbSyntax syntax, string[] args, Func<T, Task<int>> run)
        where T : class =>
        RunParsedAsync<T>(syntax, args, parsed => run(parsed.Options));

    private async Task<int> RunParsedAsync<T>(VerbSyntax syntax, string[] args, Func<ParsedCommandLine<T>, Task<int>> run)
        where T : class
    {
        var parsed = ArgumentParser.Parse<T>(syntax, args);
        if (parsed.HelpRequested || parsed.VersionRequested)
        {
            await stdout.WriteAsync(parsed.HelpRequested ? VerbHelp.Render(syntax) : $"cstar {VersionInfo.Current}\n");
            return 0;
        }

        return await run(parsed);
    }

    private static CommandLineError UnknownVerb(string word, CommandCatalog catalog)
    {
        var known = BuiltInVerbs.Concat(catalog.List().Select(c => c.Name)).ToList();
        var guess = word.StartsWith('-') ? null : Spelling.Closest(word, known);
        var what = word.StartsWith('-')
            ? $"`{word}`: cstar wants a verb or command first, then its flags (cstar run --seed-host ...)."
            : $"`{word}` is neither a cstar verb nor a command in {string.Join(", ", catalog.SearchPath)}" + (guess is null ? "." : $"; did you mean `{guess}`?");
        return new CommandLineError(what, "usage: cstar <verb|command> [flags]", "see `cstar --help` for the verbs and commands.");
    }
}
