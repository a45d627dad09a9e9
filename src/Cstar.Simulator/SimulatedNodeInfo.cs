namespace Cstar.Simulator;

/// <summary>What a host needs to know about its node: address, placement, host name and Cassandra version.</summary>
public sealed record SimulatedNodeInfo(string Address, string HostName, string Datacenter, string Rack, string CassandraVersion);
