using Cstar.JobStore.Processes;

namespace Cstar.JobStore;

/// <summary>How to open the store. Tests inject the root folder and a fake process liveness.</summary>
public sealed record JobStoreOptions(JobStorePaths Paths)
{
    /// <summary>
    /// FULL by default: each commit fsyncs the WAL, so a state recorded before acting (Starting before a
    /// host is contacted) survives power loss, not only a crash of cstar. NORMAL-with-WAL survives kill -9
    /// but may lose the last commits on power loss (a laptop running out of battery), which could make
    /// <c>continue</c> believe a started host was never started. Transitions are a few per host per minute,
    /// so the fsync costs nothing that matters.
    /// </summary>
    public bool SynchronousFull { get; init; } = true;

    /// <summary>How long a writer waits for another cstar process's transaction (PRAGMA busy_timeout).</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public IProcessLiveness Processes { get; init; } = SystemProcessLiveness.Instance;

    /// <summary>The clock for what the store stamps itself (lock acquisition); transitions carry the engine's times.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public static JobStoreOptions At(string root) => new(new JobStorePaths(root));
}
