using Cstar.Core.Execution;

namespace Cstar.Core.Jobs.Events;

/// <summary>A host cannot be reached while its command runs: published at the first failed attempt, then every 30 s until contact is back or the host is given up.</summary>
public sealed record HostUnreachableEvent(DateTimeOffset Time, string JobId, string Host, HostUnreachable Unreachable)
    : JobEvent(Time, JobId)
{
    public override string Type => JobEventTypes.HostUnreachable;

    /// <summary>One line for the console and the log: host, since when, for how long, what is being retried, until when.</summary>
    public string Describe() =>
        $"{Host} unreachable since {Unreachable.Since:HH:mm:ss} UTC ({(Time - Unreachable.Since).TotalSeconds:0} s): {Unreachable.Retrying}; " +
        $"gives the host up at {Unreachable.GivesUpAt:HH:mm:ss} UTC (--reconnect-window); last error: {Unreachable.LastError}";
}
