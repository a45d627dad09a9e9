using Cstar.Simulator.Host.Cluster;

namespace Cstar.Simulator.Host.Ring;

/// <summary>Builds the ring model the daemon serves, for exactly the nodes (addresses, dc, rack, version) of the spec.</summary>
public delegate ISimulatedRing SimulatedRingFactory(ClusterSpec spec);
