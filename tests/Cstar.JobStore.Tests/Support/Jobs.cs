using Cstar.Core.Jobs;
using Cstar.JobStore.Sqlite;

namespace Cstar.JobStore.Tests.Support;

/// <summary>Builders for job definitions and stores.</summary>
public static class Jobs
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    public static JobDefinition Definition(string id = "7c9e6679-7425-40de-944b-e07fc1f90ae7", string command = "restart", DateTimeOffset? createdAt = null) => new(
        id,
        command,
        new CommandSource("#!/bin/sh\n# C* strategy: topology\nnodetool drain && systemctl restart cassandra\n", "/home/op/.cstar/commands/restart", "ab12cd34"),
        [JobArgument.FromLiteral("snapshot", "true"), JobArgument.FromEnvironment("jmx_password", "CSTAR_JMX_PASSWORD")],
        """{"strategy":"topology","dcParallel":false,"maxConcurrency":2}""",
        new HostSelection(["10.0.0.1"], ["10.0.0.2", "10.0.0.3"], "/tmp/hosts.txt", "10.0.0.2\n10.0.0.3\n", "dc1", "rack1", "ks1"),
        "rolling restart for CVE-2026-1",
        ["prod-eu"],
        createdAt ?? T0,
        RunnerKind.Remote);

    public static SqliteJobStore Open(TempRoot root, FakeProcessLiveness? processes = null, bool synchronousFull = true) =>
        SqliteJobStore.Open(JobStoreOptions.At(root.Path) with { Processes = processes ?? new FakeProcessLiveness(), SynchronousFull = synchronousFull });

    /// <summary>Runs a host from Pending to Succeeded.</summary>
    public static void Succeed(SqliteJobStore store, string jobId, string host, DateTimeOffset at)
    {
        store.RecordHostTransition(jobId, host, HostTransition.Starting(at));
        store.RecordHostTransition(jobId, host, HostTransition.Running(at.AddSeconds(1), 4321));
        store.RecordHostTransition(jobId, host, HostTransition.Succeeded(at.AddSeconds(30)));
    }
}
