using System.Globalization;
using Cstar.Core.Jobs;
using Cstar.JobStore.Sqlite;

namespace Cstar.JobStore.Tests.Support;

/// <summary>
/// The entry point of this test assembly when a test starts it as a child process
/// (<c>dotnet Cstar.JobStore.Tests.dll MODE ...</c>): a real second process that writes to the store
/// or holds a cluster lock, so kill -9 and lock takeover are tested against a real process.
/// </summary>
public static class ChildProgram
{
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Length > 0 && args[0] == "crash-writer" ? CrashWriter(args[1], args[2])
            : args.Length > 0 && args[0] == "hold-lock" ? HoldLock(args[1], args[2], args[3])
            : 2;
    }

    /// <summary>Writes jobs and host transitions in a loop, printing each one after its commit returned. Stops after a bound.</summary>
    private static int CrashWriter(string root, string prefix)
    {
        using var store = SqliteJobStore.Open(JobStoreOptions.At(root));
        var at = Jobs.T0;
        for (var job = 0; job < 200; job++)
        {
            var id = prefix + "-" + job.ToString(CultureInfo.InvariantCulture);
            var hosts = Enumerable.Range(1, 10).Select(i => "10.1.0." + i.ToString(CultureInfo.InvariantCulture)).ToList();
            store.CreateJob(Jobs.Definition(id), hosts);
            Console.Out.WriteLine($"created {id}");
            foreach (var host in hosts)
            {
                foreach (var t in new[] { HostTransition.Starting(at), HostTransition.Running(at, 99), HostTransition.Succeeded(at) })
                {
                    store.RecordHostTransition(id, host, t);
                    Console.Out.WriteLine($"committed {id} {host} {t.To}");
                    Console.Out.Flush();
                }
            }

            store.RecordJobState(id, JobState.Finished, at);
        }

        return 0;
    }

    /// <summary>Takes a cluster lock, says so, and holds it until standard input closes.</summary>
    private static int HoldLock(string root, string cluster, string jobId)
    {
        using (var store = SqliteJobStore.Open(JobStoreOptions.At(root)))
        {
            var result = store.TryAcquireClusterLock(cluster, jobId);
            Console.Out.WriteLine(result.Acquired ? "locked" : "refused " + result.HeldByJobId);
            Console.Out.Flush();
        }

        Console.In.ReadToEnd();
        return 0;
    }
}
