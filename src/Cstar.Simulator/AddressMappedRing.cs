namespace Cstar.Simulator;

/// <summary>
/// Shows a ring under other addresses than the ones its hosts are reached at: the loopback cluster's hosts
/// listen on 127.x.y.z while the ring (and so every nodetool output) uses, say, IPv6 addresses. Only text
/// changes: no traffic ever goes to the ring's own addresses.
/// </summary>
public sealed class AddressMappedRing : ISimulatedRing
{
    private readonly ISimulatedRing _inner;
    private readonly Dictionary<string, string> _toInner;
    private readonly Dictionary<string, string> _toOuter;

    /// <param name="innerToOuter">Ring address → the address its host is reached at.</param>
    public AddressMappedRing(ISimulatedRing inner, IReadOnlyDictionary<string, string> innerToOuter)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(innerToOuter);
        _inner = inner;
        _toOuter = new Dictionary<string, string>(innerToOuter, StringComparer.Ordinal);
        _toInner = innerToOuter.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);
        Nodes = [.. inner.Nodes.Select(n => n with { Address = _toOuter.GetValueOrDefault(n.Address, n.Address) })];
    }

    public IReadOnlyList<SimulatedNodeInfo> Nodes { get; }

    public NodetoolResponse RunNodetool(string address, IReadOnlyList<string> args) => _inner.RunNodetool(Inner(address), args);

    public void StopCassandra(string address) => _inner.StopCassandra(Inner(address));

    public void StartCassandra(string address, TimeSpan startDelay) => _inner.StartCassandra(Inner(address), startDelay);

    public void Drain(string address) => _inner.Drain(Inner(address));

    public void PowerOff(string address) => _inner.PowerOff(Inner(address));

    public void PowerOn(string address, TimeSpan cassandraStartDelay) => _inner.PowerOn(Inner(address), cassandraStartDelay);

    public void SplitSchema(string address) => _inner.SplitSchema(Inner(address));

    public bool IsNativeTransportUp(string address) => _inner.IsNativeTransportUp(Inner(address));

    private string Inner(string address) => _toInner.GetValueOrDefault(address, address);
}
