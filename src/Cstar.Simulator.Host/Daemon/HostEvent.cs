namespace Cstar.Simulator.Host.Daemon;

/// <summary>
/// One thing that happened to a simulated host, as the daemon saw it: a nodetool call (<see cref="What"/> is
/// "nodetool", <see cref="Args"/> its arguments), or a control: stop, start, drain, poweroff, poweron, reboot.
/// For start and poweron, <see cref="ServingFrom"/> is when Cassandra serves again (the start delay after
/// <see cref="At"/>).
/// </summary>
public sealed record HostEvent(DateTimeOffset At, string Address, string What, IReadOnlyList<string> Args, DateTimeOffset? ServingFrom = null)
{
    /// <summary>True for a nodetool call whose first word is <paramref name="command"/>.</summary>
    public bool IsNodetool(string command) => What == "nodetool" && Args.Count > 0 && Args[0] == command;

    public override string ToString() =>
        $"{At:HH:mm:ss.fff} {Address} {What} {string.Join(' ', Args)}{(ServingFrom is { } s ? $" (serving from {s:HH:mm:ss.fff})" : string.Empty)}";
}
