using System.Globalization;
using Cstar.Core.Errors;
using Cstar.Simulator.Spec;

namespace Cstar.Simulator.Host.Cluster;

/// <summary>
/// The nodes a ring model must simulate: addresses (from <see cref="AddressPlan"/>), host names, data centers,
/// racks, the Cassandra version and how the system keyspaces are replicated. This is what a
/// <see cref="Ring.SimulatedRingFactory"/> receives.
/// </summary>
public sealed record ClusterSpec(IReadOnlyList<SimulatedNodeInfo> Nodes, string CassandraVersion, SystemKeyspaceProfile Profile = SystemKeyspaceProfile.Stock)
{
    /// <summary>Half the time the host's nodetool shim waits for the daemon's answer.</summary>
    public static readonly TimeSpan MaxNodetoolLatency = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Node i goes to data center dc(1 + i % dcs) and rack rack(1 + (i / dcs) % racks), so every data center
    /// and rack fills evenly; host names are node001, node002, ….
    /// </summary>
    public static ClusterSpec From(ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        AddressPlan.Validate(options.Network, options.HostCount);
        if (options.NodetoolLatency > MaxNodetoolLatency)
        {
            throw new CstarException(
                $"a nodetool latency of {options.NodetoolLatency.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s is more than the {MaxNodetoolLatency.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s the host's nodetool waits for an answer",
                "Give --nodetool-latency 0 to 30 seconds.");
        }

        var version = CassandraVersions.Resolve(options.CassandraVersion);
        var dcs = Math.Max(1, options.Datacenters);
        var racks = Math.Max(1, options.Racks);
        var nodes = Enumerable.Range(0, options.HostCount)
            .Select(i => new SimulatedNodeInfo(
                AddressPlan.AddressOf(options.Network, i),
                string.Create(CultureInfo.InvariantCulture, $"node{i + 1:D3}"),
                string.Create(CultureInfo.InvariantCulture, $"dc{1 + (i % dcs)}"),
                string.Create(CultureInfo.InvariantCulture, $"rack{1 + ((i / dcs) % racks)}"),
                version))
            .ToList();
        return new ClusterSpec(nodes, version, options.Profile);
    }
}
