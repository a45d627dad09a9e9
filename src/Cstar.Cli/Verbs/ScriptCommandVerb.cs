using CommandLine;
using Cstar.Cli.Commands;
using Cstar.Cli.Composition;
using Cstar.Cli.Jobs;
using Cstar.Core.Commands;
using Cstar.Core.Errors;

namespace Cstar.Cli.Verbs;

/// <summary>
/// `cstar &lt;command&gt; [its arguments] [job flags]`: a script from the commands path, run on every selected
/// host. The command's own options come from its `# C* argument` header; the rest are the job flags.
/// </summary>
internal sealed class ScriptCommandVerb(TextWriter stdout, TextWriter stderr, IConsolePrompt prompt, TimeProvider time)
{
    public async Task<int> RunAsync(CommandFile command, string[] args, CancellationToken cancellationToken)
    {
        var (header, _) = CommandCatalog.Load(command);
        foreach (var warning in header.Warnings)
        {
            await stderr.WriteLineAsync("warning: " + warning);
        }

        if (args.Any(a => a is "--help" or "-h"))
        {
            await stdout.WriteAsync(ScriptCommandHelp.Render(command, header));
            using var helpParser = CliParser.Create();
            var help = helpParser.ParseArguments<JobOptions>(["--help"]);
            return HelpPrinter.Print("cstar " + command.Name, help, ((NotParsed<JobOptions>)help).Errors, stdout, stderr);
        }

        var (values, rest) = ScriptArgumentValues.Extract(header, args);
        using var parser = CliParser.Create();
        var parsed = parser.ParseArguments<JobOptions>(rest);
        if (parsed is NotParsed<JobOptions> notParsed)
        {
            return HelpPrinter.Print("cstar " + command.Name, notParsed, notParsed.Errors, stdout, stderr);
        }

        var options = parsed.Value;
        await using var transport = TransportFactory.Create(options, SshOptionsFactory.From(options, prompt), time);
        var setup = await JobSetupBuilder.BuildAsync(options, header, transport, cancellationToken);
        if (options.DryRun)
        {
            return await DryRun.PrintAsync(setup, options, stdout);
        }

        _ = values;
        throw new CstarException("Running jobs is not available in this build yet.", "Use --dry-run to see the plan; running arrives with issue 7.");
    }
}
