using Cstar.Core.Execution;

namespace Cstar.Transport.Detached;

/// <summary>How a <see cref="DetachedHostRunner"/> lays out and follows a run. Every field has a safe default.</summary>
public sealed record DetachedRunOptions
{
    /// <summary>The run folder of a host in a job: never shared by two hosts (an NFS home is shared by all of them).</summary>
    public Func<HostRunRequest, string> Folder { get; init; } = r => $".cstar/remote-jobs/{r.JobId}/{r.Host}";

    /// <summary>The program to run (script text) for a host; the environment adds to the request's.</summary>
    public Func<HostRunRequest, RunPayload> Payload { get; init; } = r => throw new InvalidOperationException($"no payload configured for {r.Host}");

    /// <summary>How often the remote follower looks for new output and the exit status.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Timeout of the short commands (write the bundle, read the status, kill, clean up).</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// After an SSH drop (a silent connection counts as dropped after the alive timeout), reconnect attempts go on
    /// (with backoff up to 5 s) for this long before the host is lost (<c>--reconnect-window</c>, default 10 minutes).
    /// </summary>
    public TimeSpan ReconnectWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>After SIGTERM to a timed-out command's process group, how long before SIGKILL.</summary>
    public TimeSpan KillGracePeriod { get; init; } = TimeSpan.FromSeconds(2);
}
