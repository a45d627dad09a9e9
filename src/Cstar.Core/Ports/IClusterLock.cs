using Cstar.Core.Jobs;

namespace Cstar.Core.Ports;

/// <summary>
/// One running job per cluster on this machine. A lock whose owner process is gone (crash, kill -9)
/// is stale and is taken over; a live owner is refused, naming its job; <c>force</c> overrides.
/// </summary>
public interface IClusterLock
{
    ClusterLockResult TryAcquireClusterLock(string clusterName, string jobId, bool force = false);

    /// <summary>Releases the lock if this job holds it; does nothing otherwise.</summary>
    void ReleaseClusterLock(string clusterName, string jobId);
}
