namespace Cstar.JobStore.Processes;

/// <summary>A process as the lock table records it: pid plus start time, so a reused pid is not taken for the owner.</summary>
public readonly record struct ProcessIdentity(long Pid, long StartTime);
