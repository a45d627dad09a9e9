using Cstar.Core.Ports;

namespace Cstar.Core.Execution;

/// <summary>The ports a <see cref="JobRunner"/> works through, in one record (composition happens in the CLI).</summary>
public sealed record JobRunnerServices(
    IJobStore Store,
    IHostOutputStore Outputs,
    IHostRunner HostRunner,
    IRingHealthProbe Health,
    TimeProvider Time)
{
    /// <summary>Asked before each host starts (<c>--confirm</c>); null: never ask.</summary>
    public IHostConfirmation? Confirmation { get; init; }
}
