namespace Cstar.Simulator.Host.Control;

/// <summary>
/// One request to the daemon, one JSON line on the control socket. Verbs: nodetool, stop, start, restart,
/// drain, poweroff, poweron, reboot, status, shutdown. <paramref name="Node"/> is an address or host name.
/// </summary>
public sealed record ControlRequest(string Verb, string? Node = null, IReadOnlyList<string>? Args = null, double? DelaySeconds = null);
