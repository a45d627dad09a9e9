using System.Collections.Concurrent;
using Cstar.Core.Errors;
using Cstar.Simulator.Host.Cluster;

namespace Cstar.Simulator.Host.Hosts;

/// <summary>
/// Owns every host's process tree: provisions files and keys, starts the sshds in parallel, powers single
/// hosts off and on. Each host has a lock so a power-on never races a reboot of the same host.
/// </summary>
public sealed class HostSupervisor
{
    private readonly ClusterPaths _paths;
    private readonly ClusterOptions _options;
    private readonly IReadOnlyDictionary<string, SshdHost> _hosts;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HostPower> _power = new(StringComparer.Ordinal);

    public HostSupervisor(ClusterPaths paths, ClusterOptions options, IReadOnlyList<SimulatedNodeInfo> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        _paths = paths;
        _options = options;
        Nodes = nodes;
        _hosts = nodes.ToDictionary(n => n.Address, n => new SshdHost(paths, n, options.SshPort), StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            _power[node.Address] = HostPower.Off;
        }
    }

    public IReadOnlyList<SimulatedNodeInfo> Nodes { get; }

    public HostPower PowerOf(string address) => _power.TryGetValue(address, out var power) ? power : throw UnknownHost(address);

    public IReadOnlyList<int> ProcessIds => _hosts.Values.Select(h => h.ProcessId).OfType<int>().ToList();

    /// <summary>Writes keys and configs for every host, then starts all sshds, <see cref="ClusterOptions.StartParallelism"/> at a time.</summary>
    public async Task ProvisionAndStartAllAsync(SimulatorCommand command, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_paths.KeyDirectory);
        HostFiles.WriteClusterScript(_paths, command);
        await SshKeys.GenerateAsync(_paths.ClientKey, "cstar-sim-client", cancellationToken).ConfigureAwait(false);
        File.Copy(_paths.ClientKey + ".pub", _paths.AuthorizedKeys, overwrite: true);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.StartParallelism), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Nodes, parallel, async (node, ct) =>
        {
            HostFiles.Write(_paths, _options, node);
            await SshKeys.GenerateAsync(_paths.HostKey(node.Address), node.HostName, ct).ConfigureAwait(false);
        }).ConfigureAwait(false);
        ClientFiles.Write(_paths, _options, Nodes);
        await Parallel.ForEachAsync(Nodes, parallel, async (node, ct) => await PowerOnAsync(node.Address, ct).ConfigureAwait(false)).ConfigureAwait(false);
    }

    /// <summary>Starts the host unless it is on already; true when it was started.</summary>
    public async Task<bool> PowerOnAsync(string address, CancellationToken cancellationToken)
    {
        var host = Host(address);
        var gate = _locks.GetOrAdd(address, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_power[address] == HostPower.On)
            {
                return false;
            }

            await host.StartAsync(_options.HostStartTimeout, cancellationToken).ConfigureAwait(false);
            _power[address] = HostPower.On;
            return true;
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task PowerOffAsync(string address, HostPower nextState, CancellationToken cancellationToken)
    {
        var host = Host(address);
        var gate = _locks.GetOrAdd(address, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _power[address] = nextState;
            await host.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Kills every host synchronously (dispose and process-exit paths).</summary>
    public void KillAll()
    {
        foreach (var host in _hosts.Values)
        {
            host.Kill();
            _power[host.Node.Address] = HostPower.Off;
        }
    }

    private SshdHost Host(string address) => _hosts.TryGetValue(address, out var host) ? host : throw UnknownHost(address);

    private static CstarException UnknownHost(string address) =>
        new($"no simulated host has the address {address}", "Run `cstar-sim status` to list the hosts.");
}
