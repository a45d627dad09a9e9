namespace Cstar.Core.Scheduling;

/// <summary>Where one target host stands in a job.</summary>
public enum HostState
{
    Pending,
    Running,
    Done,
    Failed,
    Skipped,
}
