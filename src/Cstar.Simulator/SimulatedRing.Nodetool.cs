using System.Globalization;
using Cstar.Core.Replication;
using Cstar.Core.Topology;
using Cstar.Simulator.Formats;
using Cstar.Simulator.Java;
using Cstar.Simulator.Nodetool;
using Cstar.Simulator.Spec;
using Cstar.Simulator.State;
using Cstar.Simulator.Views;

namespace Cstar.Simulator;

/// <summary>The nodetool stand-in: parses like airline, fails to connect like JMX, renders per version.</summary>
public sealed partial class SimulatedRing
{
    private static readonly HashSet<string> Commands = new(StringComparer.Ordinal)
    {
        "status", "ring", "describering", "describecluster", "info", "version", "statusbinary", "statusgossip",
        "netstats", "compactionstats", "tablestats", "cfstats", "drain", "flush", "snapshot", "upgradesstables", "stopdaemon",
        "disablebinary", "enablebinary", "disablegossip", "enablegossip", "tpstats", "repair", "cleanup",
    };

    public NodetoolResponse RunNodetool(string address, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var line = NodetoolCommandLine.Parse(args);
        if (line.Error is not null)
        {
            return NodetoolErrors.BadUse(line.Error);
        }

        if (!Commands.Contains(line.Command!))
        {
            return NodetoolErrors.BadUse("Found unexpected parameters: [" + string.Join(", ", new[] { line.Command! }.Concat(line.Arguments)) + "]");
        }

        lock (gate)
        {
            var node = nodes[IndexOf(address)];
            var now = time.GetUtcNow();
            return node.Serving(now) ? Run(node, now, line) : NodetoolErrors.FailedToConnect(line.Host, line.Port);
        }
    }

    private NodetoolResponse Run(NodeRuntime node, DateTimeOffset now, NodetoolCommandLine line)
    {
        var positional = line.Positional("-j", "--jobs");
        var keyspace = positional.Count > 0 ? positional[0] : null;
        var resolveIp = line.HasFlag("-r", "--resolve-ip");
        switch (line.Command)
        {
            case "status":
                return Status(ViewFrom(node, now), keyspace, resolveIp);
            case "ring":
                return Ring(ViewFrom(node, now), keyspace, resolveIp);
            case "describering":
                return DescribeRing(ViewFrom(node, now), keyspace);
            case "describecluster":
                return Ok(DescribeClusterRenderer.Render(ViewFrom(node, now)));
            case "info":
                var facts = new InfoFacts(node.GossipRunning(now), node.NativeTransportRunning(now), node.Generation, (long)(now - node.StartedAt).TotalSeconds, node.RingState != NodeState.Joining);
                return Ok(InfoRenderer.Render(ViewFrom(node, now), facts, line.HasFlag("-T", "--tokens")));
            case "version":
                return Ok("ReleaseVersion: " + node.Version.Text + "\n");
            case "statusbinary":
                return Ok(node.NativeTransportRunning(now) ? "running\n" : "not running\n");
            case "statusgossip":
                return Ok(node.GossipRunning(now) ? "running\n" : "not running\n");
            case "netstats":
                return Ok(OperationalRenderers.Netstats(node.OperationMode(now), node.Streams.Active(now)));
            case "compactionstats":
                return Ok(OperationalRenderers.CompactionStats(node.Compactions.Pending(now), UserKeyspaces(), node.Version.Major >= 3));
            case "tablestats" or "cfstats":
                return Ok(OperationalRenderers.TableStats([.. keyspaces.Where(k => positional.Count == 0 || positional.Contains(k.Name))]));
            case "drain":
                Drain(node, now);
                return Ok(string.Empty);
            case "flush":
                node.Compactions.Add(now, 1);
                return Ok(string.Empty);
            case "upgradesstables":
                return UpgradeSstables(node, now, line);
            case "repair":
                return Repair(node, now, line);
            case "cleanup":
                return Cleanup(node, now, line);
            case "tpstats":
                return TpStats(node, now);
            case "snapshot":
                return Snapshot(node, now, line);
            case "stopdaemon":
                Stop(node, now);
                return Ok("Cassandra has shutdown.\n");
            default:
                return Toggle(node, now, line.Command!);
        }
    }

    /// <summary>
    /// As Snapshot.java prints it: the keyspaces (or all), the tag (default: the time in milliseconds), and from 3.4
    /// on the options map; then the snapshot directory. A snapshot flushes first unless --skip-flush.
    /// </summary>
    private static NodetoolResponse Snapshot(NodeRuntime node, DateTimeOffset now, NodetoolCommandLine line)
    {
        var arguments = line.Arguments.ToList();
        var tagAt = arguments.FindIndex(a => a is "-t" or "--tag");
        var tag = tagAt >= 0 && tagAt + 1 < arguments.Count ? arguments[tagAt + 1] : now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var keyspaces = line.Positional("-t", "--tag", "-cf", "--column-family", "--table", "-kt", "--kt-list", "-kc", "--kc.list", "--ttl");
        var skipFlush = line.HasFlag("-sf", "--skip-flush");
        if (!skipFlush)
        {
            node.Compactions.Add(now, 1);
        }

        var version = node.Version;
        var options = version.Major > 3 || (version.Major == 3 && version.Minor >= 4) ? $" and options {{skipFlush={(skipFlush ? "true" : "false")}}}" : string.Empty;
        var which = keyspaces.Count == 0 ? "[all keyspaces]" : "[" + string.Join(", ", keyspaces) + "]";
        return Ok($"Requested creating snapshot(s) for {which} with snapshot name [{tag}]{options}\nSnapshot directory: {tag}\n");
    }

    private static NodetoolResponse Status(ClusterView view, string? keyspace, bool resolveIp)
    {
        var ownership = view.EffectiveOwnership(keyspace);
        if (ownership.Error is not null)
        {
            return NodetoolErrors.KeyspaceError(ownership.Error, 1);
        }

        return Ok(view.Version.Family == NodetoolFamily.V40Plus
            ? Status40Renderer.Render(view, ownership, resolveIp)
            : StatusLegacyRenderer.Render(view, ownership, resolveIp));
    }

    private static NodetoolResponse Ring(ClusterView view, string? keyspace, bool resolveIp)
    {
        var ownership = view.EffectiveOwnership(keyspace);
        // 2.x/3.x Ring returns after printing the error (exit 0); 4.0+ calls System.exit(1).
        return ownership.Error is not null
            ? NodetoolErrors.KeyspaceError(ownership.Error, view.Version.Family == NodetoolFamily.V40Plus ? 1 : 0)
            : Ok(RingRenderer.Render(view, ownership, resolveIp));
    }

    private static NodetoolResponse DescribeRing(ClusterView view, string? keyspace)
    {
        if (keyspace is null)
        {
            return NodetoolErrors.BadUse("Required parameters are missing: keyspace");
        }

        // The schema version and "TokenRange: " are printed before the ring is asked for.
        var header = "Schema Version:" + view.Self.SchemaVersion + "\nTokenRange: \n";
        var definition = view.Keyspace(keyspace);
        if (definition is null)
        {
            var message = "Unknown keyspace " + keyspace;
            return NodetoolErrors.Exception(header, message, "java.lang.AssertionError: " + message);
        }

        if (definition.Class == ReplicationClass.Local)
        {
            // describeRingJMX turns the InvalidRequestException into an IOException; DescribeRing wraps it in a RuntimeException.
            var message = "java.io.IOException: There is no ring for the keyspace: " + keyspace;
            return NodetoolErrors.Exception(header, message, "java.lang.RuntimeException: " + message);
        }

        return Ok(DescribeRingRenderer.Render(view, definition));
    }

    private NodetoolResponse UpgradeSstables(NodeRuntime node, DateTimeOffset now, NodetoolCommandLine line)
    {
        var jobs = line.Arguments.ToList().FindIndex(a => a is "-j" or "--jobs");
        if (jobs >= 0 && (jobs + 1 >= line.Arguments.Count
            || !int.TryParse(line.Arguments[jobs + 1], NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            return NodetoolErrors.BadUse("-j/--jobs needs a non-negative number of jobs");
        }

        node.Compactions.Add(now, 2 * Math.Max(1, UserKeyspaces().Count));
        return Ok(string.Empty);
    }

    private static NodetoolResponse Toggle(NodeRuntime node, DateTimeOffset now, string command)
    {
        switch (command)
        {
            case "disablebinary":
                node.BinaryDisabled = true;
                break;
            case "enablebinary":
                node.BinaryDisabled = false;
                break;
            case "disablegossip" when !node.GossipDisabled:
                node.GossipDisabled = true;
                node.Gossip.Record(now, now, up: false);
                break;
            case "enablegossip" when node.GossipDisabled && !node.Drained:
                node.GossipDisabled = false;
                node.Gossip.Record(now, now, up: true);
                break;
        }

        return Ok(string.Empty);
    }

    private List<KeyspaceDefinition> UserKeyspaces() => [.. keyspaces.Where(k => !RingSpec.SystemKeyspaceNames.Contains(k.Name))];

    private static NodetoolResponse Ok(string output) => new(output, string.Empty, 0);
}
