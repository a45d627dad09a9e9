using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Cstar.Simulator;

namespace Cstar.TestKit.Simulation;

/// <summary>
/// A hand-written stand-in for the ring model, for testing the loopback hosts: each node is up, stopped,
/// drained or powered off; `nodetool status` prints a fixed 4.0-style table of every node (UN or DN),
/// `statusbinary` running/not running, anything else an echo naming the node. While Cassandra is not
/// running, nodetool fails the way the real one does. Records every control call in <see cref="Calls"/>.
/// </summary>
public sealed class StubSimulatedRing : ISimulatedRing
{
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, StubNodeState> _states = new(StringComparer.Ordinal);

    public StubSimulatedRing(IReadOnlyList<SimulatedNodeInfo> nodes)
        : this(nodes, TimeProvider.System)
    {
    }

    public StubSimulatedRing(IReadOnlyList<SimulatedNodeInfo> nodes, TimeProvider time)
    {
        Nodes = nodes;
        _time = time;
        foreach (var node in nodes)
        {
            _states[node.Address] = new StubNodeState(Running: true, Drained: false, PoweredOn: true, ServesFrom: DateTimeOffset.MinValue);
        }
    }

    public IReadOnlyList<SimulatedNodeInfo> Nodes { get; }

    /// <summary>"stop 127.10.1.1", "start 127.10.1.1 2s", … in call order.</summary>
    public ConcurrentQueue<string> Calls { get; } = new();

    public NodetoolResponse RunNodetool(string address, IReadOnlyList<string> args)
    {
        if (!Serving(address))
        {
            return new NodetoolResponse(string.Empty, "nodetool: Failed to connect to '127.0.0.1:7199' - ConnectException: 'Connection refused (Connection refused)'.\n", 1);
        }

        var state = _states[address];
        return (args.Count > 0 ? args[0] : string.Empty) switch
        {
            "status" => new NodetoolResponse(Status(), string.Empty, 0),
            "statusbinary" => new NodetoolResponse(state.Drained ? "not running\n" : "running\n", string.Empty, 0),
            _ => new NodetoolResponse($"stub nodetool {string.Join(' ', args)} on {address}\n", string.Empty, 0),
        };
    }

    public void StopCassandra(string address) => Change(address, $"stop {address}", s => s with { Running = false, Drained = false });

    public void StartCassandra(string address, TimeSpan startDelay) =>
        Change(address, Invariant($"start {address} {startDelay.TotalSeconds}s"), s => s with { Running = true, Drained = false, ServesFrom = _time.GetUtcNow() + startDelay });

    public void Drain(string address) => Change(address, $"drain {address}", s => s with { Drained = true });

    public void PowerOff(string address) => Change(address, $"poweroff {address}", s => s with { PoweredOn = false });

    public void PowerOn(string address, TimeSpan cassandraStartDelay) =>
        Change(address, Invariant($"poweron {address} {cassandraStartDelay.TotalSeconds}s"), s => s with { PoweredOn = true, Running = true, Drained = false, ServesFrom = _time.GetUtcNow() + cassandraStartDelay });

    public void SplitSchema(string address) => Change(address, $"split-schema {address}", s => s);

    public bool IsNativeTransportUp(string address) => Serving(address) && !_states[address].Drained;

    private bool Serving(string address) =>
        _states.TryGetValue(address, out var s) && s.PoweredOn && s.Running && _time.GetUtcNow() >= s.ServesFrom;

    private void Change(string address, string call, Func<StubNodeState, StubNodeState> change)
    {
        Calls.Enqueue(call);
        _states.AddOrUpdate(address, _ => throw new KeyNotFoundException(address), (_, s) => change(s));
    }

    private string Status()
    {
        var text = new StringBuilder();
        foreach (var dc in Nodes.GroupBy(n => n.Datacenter))
        {
            text.Append(CultureInfo.InvariantCulture, $"Datacenter: {dc.Key}\n{new string('=', 12 + dc.Key.Length)}\n");
            text.Append("Status=Up/Down\n|/ State=Normal/Leaving/Joining/Moving\n");
            text.Append("--  Address         Load       Tokens  Owns (effective)  Host ID                               Rack\n");
            foreach (var node in dc)
            {
                var code = IsNativeTransportUp(node.Address) ? "UN" : "DN";
                var id = Nodes.ToList().IndexOf(node) + 1;
                text.Append(CultureInfo.InvariantCulture, $"{code}  {node.Address,-15} 100 KiB    256     ?                 00000000-0000-0000-0000-{id:D12}  {node.Rack}\n");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
