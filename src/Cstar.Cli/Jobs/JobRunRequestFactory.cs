using Cstar.Cli.Composition;
using Cstar.Cli.Verbs;
using Cstar.Core.BackPressure;
using Cstar.Core.Commands;
using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.Ring.Discovery;

namespace Cstar.Cli.Jobs;

/// <summary>What the engine is asked to do in one run: the targets, the rules, the limits from the flags and the command's header.</summary>
internal static class JobRunRequestFactory
{
    /// <summary>Asks for the values of secret arguments on the terminal (never stored, never on a command line).</summary>
    public static JobRunRequest Create(
        JobDefinition definition, JobSetup setup, CommandHeader header, JobOptions options, bool resume, bool retryFailed, IConsolePrompt prompt, TextWriter stderr) => new()
        {
            Definition = definition,
            Hosts = [.. setup.Targets.Select(n => n.Address)],
            Context = setup.Context,
            // The first ring check relies on discovery's status read while fresh (said in the output), not a second read.
            RingReading = DiscoveryReading.Of(setup.Discovery),
            Resume = resume,
            RetryFailed = retryFailed,
            StopAfter = options.StopAfter,
            MaxFailures = options.MaxFailures ?? 0,
            HostTimeout = DurationFlag.Parse(options.Timeout, "--timeout") ?? header.Timeout,
            WaitTimeout = DurationFlag.Parse(options.WaitTimeout, "--wait-timeout") ?? TimeSpan.FromMinutes(30),
            RequireCql = options.WaitForCql || header.WaitForCql,
            CommandRebootsHost = header.RebootsHost,
            NodeDonePause = TimeSpan.FromSeconds(Math.Max(0, options.NodeDonePauseTime ?? 0)),
            BackPressure = BackPressureLimits.Of(options.MaxPendingCompactions, header.MaxPendingCompactions, options.NoStreaming),
            Environment = ArgumentEnvironment.Resolve(definition.Arguments, prompt, header, stderr),
        };
}
