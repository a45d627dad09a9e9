namespace Cstar.Cli.Arguments;

/// <summary>The sections of a verb's help, in the order an operator thinks about a job.</summary>
internal enum FlagGroup
{
    Targets,
    StrategyAndConcurrency,
    Safety,
    Ssh,
    OutputAndJobs,
    Other,
}
