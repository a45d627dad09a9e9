using Cstar.Cli.Arguments;
using Cstar.Cli.Commands;
using Cstar.Cli.Composition;
using Cstar.Cli.Jobs;
using Cstar.Cli.Settings;
using Cstar.Core.Commands;
using Cstar.Core.Jobs;

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

        var syntax = VerbSyntaxes.Command(command.Name, header);
        if (args.TakeWhile(a => a != "--").Any(a => a is "--help" or "-h"))
        {
            await stdout.WriteAsync(VerbHelp.Render(syntax, ScriptCommandHelp.Render(command, header)));
            return 0;
        }

        var (values, rest) = ScriptArgumentValues.Extract(header, args);
        var parsed = ArgumentParser.Parse<JobOptions>(syntax, rest);
        var fromSettings = SettingsDefaults.Apply(parsed, syntax, CstarSettings.Load(SettingsSources.Default()));
        var options = parsed.Options;
        JobFlagCheck.Validate(options, header, syntax);
        var (_, text) = CommandCatalog.Load(command);
        var launch = new JobLaunch(
            options,
            [.. rest, .. fromSettings],
            command.Name,
            header,
            new CommandSource(text, command.Path, Sha256Hex(text)),
            ArgumentEnvironment.ToJobArguments(header, values),
            RunnerKind.Remote);
        return await new JobLauncher(stdout, stderr, prompt, time).RunNewAsync(launch, cancellationToken);
    }

    public static string Sha256Hex(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
