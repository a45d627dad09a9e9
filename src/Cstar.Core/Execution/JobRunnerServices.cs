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
    /// <summary>Reads the nodes' load for the back-pressure gate; needed when the request sets <see cref="JobRunRequest.BackPressure"/>.</summary>
    public INodeLoadProbe? Load { get; init; }

    /// <summary>Operator requests (pause, resume, set) read at each decision; null: none (the job runs as started).</summary>
    public IJobControls? Controls { get; init; }

    /// <summary>Opens the connections of the hosts that start next while the current ones run (<see cref="WarmAhead"/>); null: each host connects when it starts.</summary>
    public IConnectionWarmup? Warmup { get; init; }

    /// <summary>Asked before each host starts (<c>--confirm</c>); null: never ask.</summary>
    public IHostConfirmation? Confirmation { get; init; }
}
