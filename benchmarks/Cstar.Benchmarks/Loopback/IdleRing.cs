using Cstar.Simulator;

namespace Cstar.Benchmarks.Loopback;

/// <summary>A ring where every node is up and nodetool echoes; the startup benchmark measures the hosts, not the model.</summary>
internal sealed class IdleRing(IReadOnlyList<SimulatedNodeInfo> nodes) : ISimulatedRing
{
    public IReadOnlyList<SimulatedNodeInfo> Nodes => nodes;

    public NodetoolResponse RunNodetool(string address, IReadOnlyList<string> args) => new($"{address}: nodetool {string.Join(' ', args)}\n", string.Empty, 0);

    public void StopCassandra(string address)
    {
    }

    public void StartCassandra(string address, TimeSpan startDelay)
    {
    }

    public void Drain(string address)
    {
    }

    public void PowerOff(string address)
    {
    }

    public void PowerOn(string address, TimeSpan cassandraStartDelay)
    {
    }

    public void SplitSchema(string address)
    {
    }

    public bool IsNativeTransportUp(string address) => true;
}
