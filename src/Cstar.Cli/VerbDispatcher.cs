using CommandLine;
using Cstar.Cli.Composition;
using Cstar.Cli.Verbs;
using Cstar.Core.Errors;

namespace Cstar.Cli;

/// <summary>Parses the verb and its flags and hands the options to the verb's handler.</summary>
internal sealed class VerbDispatcher(TextWriter stdout, TextWriter stderr)
{
    private static readonly Type[] CstarVerbs =
    [
        typeof(RunOptions),
        typeof(ContinueOptions),
        typeof(CleanupJobsOptions),
        typeof(RingOptions),
        typeof(JobsOptions),
        typeof(DemoOptions),
    ];

    public async Task<int> RunCstarAsync(string[] args)
    {
        using var parser = CreateParser();
        var result = parser.ParseArguments(args, CstarVerbs);
        return await result.MapResult(
            (RunOptions o) => NotYet("run", "issue 9"),
            (ContinueOptions o) => NotYet("continue", "issue 8"),
            (CleanupJobsOptions o) => NotYet("cleanup-jobs", "issue 8"),
            (RingOptions o) => new RingVerb(stdout, stderr, new TerminalPrompt(), TimeProvider.System).RunAsync(o, CancellationToken.None),
            (JobsOptions o) => NotYet("jobs", "issue 8"),
            (DemoOptions o) => NotYet("demo", "issue 9"),
            errors => Task.FromResult(HelpPrinter.Print("cstar", result, errors, stdout, stderr))).ConfigureAwait(false);
    }

    public Task<int> RunCstarparAsync(string[] args)
    {
        using var parser = CreateParser();
        var result = parser.ParseArguments<CstarparOptions>(args);
        return result.MapResult(
            _ => NotYet("cstarpar", "issue 9"),
            errors => Task.FromResult(HelpPrinter.Print("cstarpar", result, errors, stdout, stderr)));
    }

    private static Parser CreateParser() => new(settings =>
    {
        settings.HelpWriter = null;
        settings.CaseSensitive = true;
        settings.AutoHelp = true;
        settings.AutoVersion = true;
        settings.EnableDashDash = true;
        settings.AllowMultiInstance = true;
    });

    private static Task<int> NotYet(string verb, string issue) =>
        throw new CstarException($"'{verb}' is not available in this build yet.", $"It arrives with {issue}; see README.md for what works today.");
}
