using Cstar.Cli.Composition;
using Cstar.Cli.Jobs;
using Cstar.Core.Commands;
using Cstar.Core.Errors;

namespace Cstar.Cli.Verbs;

/// <summary>`cstarpar [flags] [--] COMMAND {}`: a local command once per host, in the same safe order as cstar.</summary>
internal sealed class CstarparVerb(TextWriter stdout, TextWriter stderr, IConsolePrompt prompt, TimeProvider time)
{
    public async Task<int> RunAsync(CstarparOptions options, CancellationToken cancellationToken)
    {
        if (!options.Command.Any())
        {
            throw new CstarException("cstarpar needs a command to run for each host.", "Example: cstarpar --seed-host 10.0.0.1 -- ssh {} nodetool flush", ExitCode.Usage);
        }

        await using var transport = TransportFactory.Create(options, SshOptionsFactory.From(options, prompt), time);
        var setup = await JobSetupBuilder.BuildAsync(options, CommandHeader.Empty("cstarpar"), transport, cancellationToken);
        if (options.DryRun)
        {
            return await DryRun.PrintAsync(setup, options, stdout);
        }

        _ = stderr;
        throw new CstarException("Running jobs is not available in this build yet.", "Use --dry-run to see the plan; running arrives with issue 7.");
    }
}
