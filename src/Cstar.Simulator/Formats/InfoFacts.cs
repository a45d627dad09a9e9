namespace Cstar.Simulator.Formats;

/// <summary>The local facts `nodetool info` prints beyond the ring view.</summary>
internal sealed record InfoFacts(bool GossipActive, bool NativeTransportActive, int Generation, long UptimeSeconds, bool Joined);
