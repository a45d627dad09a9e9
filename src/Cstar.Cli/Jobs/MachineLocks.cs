using Cstar.Core.Errors;
using Cstar.Core.Topology;
using Cstar.JobStore.Locks;
using Cstar.JobStore.Processes;

namespace Cstar.Cli.Jobs;

/// <summary>
/// The machine-wide locks of a job's clusters (see <see cref="MachineClusterLock"/>), taken before the job store's own
/// lock and held until the run ends. Refused as the store's lock is: another live job on the same cluster, from any
/// HOME or user on this machine, stops this one unless --force (then a warning names the holder).
/// </summary>
internal sealed class MachineLocks : IDisposable
{
    private readonly List<MachineClusterLock> _held = [];

    public static MachineLocks Take(IEnumerable<ClusterTopology> clusters, string jobId, string storeRoot, bool force, TextWriter stderr, TimeProvider time)
    {
        var locks = new MachineLocks();
        try
        {
            var folder = MachineLockFolder.Default();
            var self = SystemProcessLiveness.Instance.Current;
            foreach (var cluster in clusters)
            {
                var key = ClusterIdentity.Key(cluster.Name, cluster.Nodes.Select(n => n.HostId?.ToString() ?? n.Address));
                var me = new LockHolder(cluster.Name, jobId, self.Pid, self.StartTime, Environment.UserName, storeRoot, time.GetUtcNow());
                if (MachineClusterLock.TryAcquire(folder, key, me, SystemProcessLiveness.Instance, out var holder) is { } held)
                {
                    locks._held.Add(held);
                    continue;
                }

                var who = holder?.Describe() ?? "another cstar process";
                if (!force)
                {
                    throw new CstarException(
                        $"cluster {cluster.Name} is in use by {who} on this machine.",
                        "Wait for it to end, or pass --force if you are sure it must run beside it. Jobs started on other machines are not seen: coordinate, or run cstar from one jump host.");
                }

                stderr.WriteLine($"warning: cluster {cluster.Name} is in use by {who} on this machine; going on because of --force.");
            }

            return locks;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            locks.Dispose();
            throw new CstarException(
                $"cstar could not take its machine-wide cluster lock in {MachineLockFolder.Default()}: {e.Message}",
                $"make that folder a real folder every cstar user can write (mode 1777, like /tmp), or set {MachineLockFolder.Variable} to one",
                ExitCode.LocalStorage,
                e);
        }
        catch
        {
            locks.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var held in _held)
        {
            held.Dispose();
        }

        _held.Clear();
    }
}
