namespace Cstar.Core.Jobs;

/// <summary>The outcome of asking for a cluster lock. A refusal is a value with the holder's job id, not an exception.</summary>
/// <param name="TookOverFromJobId">Set when the lock was taken from a dead (or, with force, live) owner.</param>
public sealed record ClusterLockResult(bool Acquired, string ClusterName, string? HeldByJobId, long? HeldByPid, string? TookOverFromJobId)
{
    public static ClusterLockResult Granted(string cluster, string? tookOverFrom = null) => new(true, cluster, null, null, tookOverFrom);

    public static ClusterLockResult Refused(string cluster, string jobId, long pid) => new(false, cluster, jobId, pid, null);

    /// <summary>What to tell the operator on refusal.</summary>
    public string Describe() => Acquired
        ? $"lock on cluster {ClusterName} acquired" + (TookOverFromJobId is null ? string.Empty : $" (taken over from job {TookOverFromJobId})")
        : $"cluster {ClusterName} is in use by job {HeldByJobId} (process {HeldByPid}) on this machine";
}
