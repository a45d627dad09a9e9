using System.Collections.Concurrent;
using Cstar.Simulator.Host.Cluster;
using Cstar.Simulator.Host.Control;
using Cstar.Simulator.Host.Cql;
using Cstar.Simulator.Host.Hosts;
using Cstar.Simulator.Host.Ring;

namespace Cstar.Simulator.Host.Daemon;

/// <summary>
/// Holds one ring model and everything that exposes it: the hosts' sshds, the control socket the host shims
/// talk to, and one CQL port per node. Runs inside `cstar-sim daemon` or in-process in a test fixture.
/// Controls are methods here; the control socket maps requests onto them (<see cref="DaemonRequestHandler"/>).
/// </summary>
public sealed class SimulatorDaemon : IAsyncDisposable
{
    private readonly HostSupervisor _hosts;
    private readonly TimeProvider _time;
    private readonly List<CqlEndpoint> _cql = [];
    private readonly ConcurrentDictionary<Task, byte> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _shutdownRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ControlServer? _control;
    private int _disposed;

    private SimulatorDaemon(ClusterOptions options, ClusterSpec spec, ISimulatedRing ring, TimeProvider time)
    {
        Options = options;
        Spec = spec;
        Ring = ring;
        Paths = new ClusterPaths(Path.GetFullPath(options.Directory));
        _time = time;
        _hosts = new HostSupervisor(Paths, options, spec.Nodes);
        History = new HostHistory(time);
    }

    public ClusterOptions Options { get; }

    public ClusterSpec Spec { get; }

    public ClusterPaths Paths { get; }

    public ISimulatedRing Ring { get; }

    /// <summary>Every nodetool call and control each host received, with its time.</summary>
    public HostHistory History { get; }

    /// <summary>Pids of the hosts' unshare processes (each one holds a host's whole process tree).</summary>
    public IReadOnlyList<int> HostProcessIds => _hosts.ProcessIds;

    /// <summary>Completes when a `shutdown` request arrived on the control socket.</summary>
    public Task ShutdownRequested => _shutdownRequested.Task;

    /// <summary>Creates the cluster directory, the ring (through <paramref name="ringFactory"/>), the CQL ports, the control socket, and starts every host.</summary>
    public static async Task<SimulatorDaemon> StartAsync(
        ClusterOptions options, SimulatedRingFactory ringFactory, SimulatorCommand? command = null, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ringFactory);
        var spec = ClusterSpec.From(options);
        Directory.CreateDirectory(options.Directory);
        var daemon = new SimulatorDaemon(options, spec, ringFactory(spec), time ?? TimeProvider.System);
        try
        {
            foreach (var node in spec.Nodes)
            {
                daemon._cql.Add(new CqlEndpoint(node, options.CqlPort, () => daemon.Ring.IsNativeTransportUp(node.Address)));
            }

            await daemon._hosts.ProvisionAndStartAllAsync(command ?? SimulatorCommand.Current(), cancellationToken).ConfigureAwait(false);
            daemon._control = new ControlServer(daemon.Paths.ControlSocket, new DaemonRequestHandler(daemon).HandleAsync);
            return daemon;
        }
        catch
        {
            await daemon.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public HostPower PowerOf(string address) => _hosts.PowerOf(address);

    /// <summary>
    /// Runs a nodetool call on the node (recorded in <see cref="History"/> when it arrives); the node answers
    /// after <see cref="ClusterOptions.NodetoolLatency"/> (on the daemon's clock), from its state at that time.
    /// </summary>
    public async Task<NodetoolResponse> RunNodetoolAsync(string address, IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        History.Record(address, "nodetool", args);
        if (Options.NodetoolLatency > TimeSpan.Zero)
        {
            await Task.Delay(Options.NodetoolLatency, _time, cancellationToken).ConfigureAwait(false);
        }

        return Ring.RunNodetool(address, args);
    }

    public void StopCassandra(string address)
    {
        History.Record(address, "stop");
        Ring.StopCassandra(address);
    }

    public void StartCassandra(string address, TimeSpan? startDelay = null)
    {
        var delay = startDelay ?? Options.CassandraStartDelay;
        Ring.StartCassandra(address, delay);
        History.Record(address, "start", servingAfter: delay);
    }

    public void RestartCassandra(string address, TimeSpan? startDelay = null)
    {
        StopCassandra(address);
        StartCassandra(address, startDelay);
    }

    public void Drain(string address)
    {
        History.Record(address, "drain");
        Ring.Drain(address);
    }

    /// <summary>The node keeps a schema version of its own until its Cassandra starts again (describecluster shows the split).</summary>
    public void SplitSchema(string address)
    {
        History.Record(address, "split-schema");
        Ring.SplitSchema(address);
    }

    /// <summary>The host goes away: its sshd and every session and process in it die; Cassandra with it.</summary>
    public async Task PowerOffAsync(string address, CancellationToken cancellationToken = default)
    {
        History.Record(address, "poweroff");
        Ring.PowerOff(address);
        await _hosts.PowerOffAsync(address, HostPower.Off, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts the host's sshd (returns once it listens); Cassandra serves after <paramref name="cassandraStartDelay"/>. A host already on is left alone.</summary>
    public async Task PowerOnAsync(string address, TimeSpan? cassandraStartDelay = null, CancellationToken cancellationToken = default)
    {
        if (await _hosts.PowerOnAsync(address, cancellationToken).ConfigureAwait(false))
        {
            var delay = cassandraStartDelay ?? Options.CassandraStartDelay;
            Ring.PowerOn(address, delay);
            History.Record(address, "poweron", servingAfter: delay);
        }
    }

    /// <summary>Powers the host off now and on again after <paramref name="downFor"/> (default <see cref="ClusterOptions.RebootDelay"/>), in the background.</summary>
    public async Task RebootAsync(string address, TimeSpan? downFor = null, CancellationToken cancellationToken = default)
    {
        History.Record(address, "reboot");
        Ring.PowerOff(address);
        await _hosts.PowerOffAsync(address, HostPower.Rebooting, cancellationToken).ConfigureAwait(false);
        var stop = _stop.Token;
        var delay = Task.Delay(downFor ?? Options.RebootDelay, _time, stop); // the timer exists once we return
        var comeBack = Task.Run(
            async () =>
            {
                await delay.ConfigureAwait(false);
                await PowerOnAsync(address, null, stop).ConfigureAwait(false);
            },
            CancellationToken.None);
        _pending.TryAdd(comeBack, 0);
        _ = comeBack.ContinueWith(t => _pending.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    internal void RequestShutdown() => _shutdownRequested.TrySetResult();

    /// <summary>Kills every host synchronously: for process-exit handlers, where nothing may be awaited.</summary>
    public void KillHosts() => _hosts.KillAll();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_pending.Keys).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Pending reboots were cancelled.
        }

        _hosts.KillAll();
        if (_control is not null)
        {
            await _control.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var endpoint in _cql)
        {
            await endpoint.DisposeAsync().ConfigureAwait(false);
        }

        File.Delete(Paths.ControlSocket);
        (Ring as IDisposable)?.Dispose();
        _stop.Dispose();
        _shutdownRequested.TrySetResult();
    }
}
