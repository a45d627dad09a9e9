namespace Cstar.Simulator.Host.Control;

/// <summary>
/// One request to the daemon, one JSON line on the control socket. Verbs: nodetool, stop, start, restart,
/// drain, poweroff, poweron, reboot, status, shutdown. <paramref name="Node"/> is an address or host name.
/// <paramref name="Framed"/> asks for the answer as "EXIT OUT_BYTES ERR_BYTES\n" and the bytes (the Perl nodetool
/// shim reads that without a JSON parser) instead of a JSON line.
/// </summary>
public sealed record ControlRequest(string Verb, string? Node = null, IReadOnlyList<string>? Args = null, double? DelaySeconds = null, bool Framed = false);
