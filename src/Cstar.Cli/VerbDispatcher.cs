using CommandLine;
using Cstar.Cli.Commands;
using Cstar.Cli.Composition;
using Cstar.Cli.Jobs;
using Cstar.Cli.Verbs;
using Cstar.Core.Errors;

namespace Cstar.Cli;

/// <summary>
/// Routes a command line: a script from the commands path (`cstar run`, `cstar restart`, …) or a built-in
/// verb (continue, cleanup-jobs, ring, jobs, demo). Built-in verbs win over scripts of the same name.
/// </summary>
internal sealed class VerbDispatcher(TextWriter stdout, TextWriter stderr)
{
    private static readonly Type[] BuiltInVerbs =
    [
        typeof(ContinueOptions),
        typeof(CleanupJobsOptions),
        typeof(RingOptions),
        typeof(JobsOptions),
        typeof(DemoOptions),
    ];

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

        var builtIn = BuiltInVerbs.Select(t => t.GetCustomAttributes(typeof(VerbAttribute), false).Cast<VerbAttribute>().Single().Name);
        if (!args[0].StartsWith('-') && !builtIn.Contains(args[0]))
        {
            var command = catalog.Find(args[0])
                ?? throw new CstarException(
                    $"'{args[0]}' is neither a cstar verb nor a command in {string.Join(", ", catalog.SearchPath)}.",
                    "Run cstar --help for the verbs and commands, or drop a script with '# C*' headers into ~/.cstar/commands.",
                    ExitCode.Usage);
            return await new ScriptCommandVerb(stdout, stderr, _prompt, _time).RunAsync(command, args[1..], CancellationToken.None);
        }

        using var parser = CliParser.Create();
        var result = parser.ParseArguments(args, BuiltInVerbs);
        return await result.MapResult(
            (ContinueOptions o) => new JobLauncher(stdout, stderr, _prompt, _time).ContinueAsync(o, CancellationToken.None),
            (CleanupJobsOptions o) => new CleanupJobsVerb(stdout, _prompt, _time).RunAsync(o),
            (RingOptions o) => new RingVerb(stdout, stderr, _prompt, _time).RunAsync(o, CancellationToken.None),
            (JobsOptions o) => new JobsVerb(stdout, stderr, _time).RunAsync(o, CancellationToken.None),
            (DemoOptions o) => new Demo.DemoVerb(stdout, stderr, _time).RunAsync(o, CancellationToken.None),
            errors => Task.FromResult(HelpPrinter.Print("cstar", result, errors, stdout, stderr))).ConfigureAwait(false);
    }

    public Task<int> RunCstarparAsync(string[] args)
    {
        using var parser = CliParser.Create();
        var result = parser.ParseArguments<CstarparOptions>(args);
        return result.MapResult(
            o => new CstarparVerb(stdout, stderr, _prompt, _time).RunAsync(o, args, CancellationToken.None),
            errors => Task.FromResult(HelpPrinter.Print("cstarpar", result, errors, stdout, stderr)));
    }

    private static Task<int> NotYet(string verb, string issue) =>
        throw new CstarException($"'{verb}' is not available in this build yet.", $"It arrives with {issue}; see README.md for what works today.");
}
