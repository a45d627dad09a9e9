namespace Cstar.Core.Execution;

/// <summary>What a host task tells the runner loop through the channel: the loop is the only writer of job state.</summary>
internal abstract record HostMessage(string Host)
{
    public sealed record Running(string Host, long Pid) : HostMessage(Host);

    /// <summary>Display text of the host waits in its <see cref="HostOutput"/> (sent once until the loop shows it).</summary>
    public sealed record OutputWaiting(string Host) : HostMessage(Host);

    public sealed record Unreachable(string Host, HostUnreachable What) : HostMessage(Host);

    public sealed record Ended(string Host, HostRunResult Result) : HostMessage(Host);
}
