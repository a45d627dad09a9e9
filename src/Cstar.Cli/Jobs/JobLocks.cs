using Cstar.Core.Errors;
using Cstar.Core.Topology;
using Cstar.JobStore.Sqlite;

namespace Cstar.Cli.Jobs;

/// <summary>
/// Every lock a run holds: the machine-wide locks of its clusters (<see cref="MachineLocks"/>), then the job store's
/// lock of each cluster. Disposing releases them all, on every way out (Ctrl+C and errors too).
/// </summary>
internal sealed class JobLocks : IDisposable
{
    private readonly SqliteJobStore _store;
    private readonly string _jobId;
    private readonly List<string> _clusters = [];
    private MachineLocks? _machine;

    private JobLocks(SqliteJobStore store, string jobId)
    {
        _store = store;
        _jobId = jobId;
    }

    public static JobLocks Take(SqliteJobStore store, RingTopology topology, string jobId, bool force, TextWriter stderr, TimeProvider time)
    {
        var locks = new JobLocks(store, jobId);
        try
        {
            locks._machine = MachineLocks.Take(topology.Clusters, jobId, store.Paths.Root, force, stderr, time);
            foreach (var cluster in topology.Clusters.Select(c => c.Name))
            {
                var result = store.TryAcquireClusterLock(cluster, jobId, force);
                if (!result.Acquired)
                {
                    throw new CstarException(result.Describe() + ".", "Wait for it to end (cstar jobs), or pass --force if you are sure it is not running.");
                }

                locks._clusters.Add(cluster);
            }

            return locks;
        }
        catch
        {
            locks.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var cluster in _clusters)
        {
            Release(cluster);
        }

        _clusters.Clear();
        _machine?.Dispose();
        _machine = null;
    }

    /// <summary>
    /// Best effort: a lock row this process cannot delete (full or read-only disk) names a process that is about to
    /// be gone, and a dead holder's lock is free; the error that brought us here is the one to report.
    /// </summary>
    private void Release(string cluster)
    {
        try
        {
            _store.ReleaseClusterLock(cluster, _jobId);
        }
        catch (CstarException e) when (e.ExitCode == ExitCode.LocalStorage)
        {
        }
    }
}
