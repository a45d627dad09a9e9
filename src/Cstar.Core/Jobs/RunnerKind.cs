namespace Cstar.Core.Jobs;

/// <summary>Where a job's command runs: on each host over SSH (cstar) or on this machine once per host (cstarpar).</summary>
public enum RunnerKind
{
    Remote,
    Local,
}
