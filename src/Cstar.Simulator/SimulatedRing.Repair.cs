using System.Globalization;
using Cstar.Simulator.Formats;
using Cstar.Simulator.Nodetool;
using Cstar.Simulator.State;

namespace Cstar.Simulator;

/// <summary>
/// nodetool repair and cleanup: they return at once (the work is not simulated) but leave what an operator watches —
/// pending compactions on the node (and, for repair, on its peers) that drain over time, and repair streams that
/// netstats shows for <see cref="RepairStreamDuration"/>.
/// </summary>
public sealed partial class SimulatedRing
{
    private static readonly string[] RepairOptionsWithValue = ["-dc", "--in-dc", "-et", "--end-token", "-st", "--start-token", "-hosts", "--in-hosts", "-j", "--job-threads"];

    /// <summary>How long the streams of one repair stay in netstats.</summary>
    public TimeSpan RepairStreamDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Pending compactions a repair adds on the repaired node, per keyspace repaired (half that on each peer).</summary>
    public int CompactionsPerRepair { get; set; } = 6;

    private NodetoolResponse Repair(NodeRuntime node, DateTimeOffset now, NodetoolCommandLine line)
    {
        var positional = line.Positional(RepairOptionsWithValue);
        var known = UserKeyspaces();
        if (positional.Count > 0 && known.All(k => k.Name != positional[0]) && keyspaces.All(k => k.Name != positional[0]))
        {
            return NodetoolErrors.Exception(string.Empty, $"Keyspace [{positional[0]}] does not exist.", $"java.lang.IllegalArgumentException: Keyspace [{positional[0]}] does not exist.");
        }

        var repaired = positional.Count > 0 ? [positional[0]] : known.Select(k => k.Name).ToList();
        var full = line.HasFlag("-full", "--full") || node.Version.Major < 3 && !line.HasFlag("-inc");
        var primary = line.HasFlag("-pr", "--partitioner-range");
        var peers = nodes.Where(n => n.Index != node.Index && n.Spec.Datacenter == node.Spec.Datacenter && n.Serving(now)).Take(2).ToList();
        var output = new System.Text.StringBuilder();
        var command = 1;
        foreach (var keyspace in repaired)
        {
            var plan = Guid.NewGuid();
            node.Streams.Add("Repair", plan, [.. peers.Select(p => "/" + p.HostAddress)], now + RepairStreamDuration);
            node.Compactions.Add(now, CompactionsPerRepair);
            foreach (var peer in peers)
            {
                peer.Streams.Add("Repair", plan, ["/" + node.HostAddress], now + RepairStreamDuration);
                peer.Compactions.Add(now, CompactionsPerRepair / 2);
            }

            var stamp = now.ToString("yyyy-MM-dd HH:mm:ss,fff", CultureInfo.InvariantCulture);
            output.Append(CultureInfo.InvariantCulture, $"[{stamp}] Starting repair command #{command} ({plan}), repairing keyspace {keyspace} with repair options (parallelism: parallel, primary range: {Bool(primary)}, incremental: {Bool(!full)}, job threads: 1, ColumnFamilies: [], dataCenters: [], hosts: [], # of ranges: {node.Tokens.Length}, pull repair: false)\n")
                .Append(CultureInfo.InvariantCulture, $"[{stamp}] Repair completed successfully\n")
                .Append(CultureInfo.InvariantCulture, $"[{stamp}] Repair command #{command} finished in 0 seconds\n");
            command++;
        }

        return Ok(output.ToString());
    }

    private NodetoolResponse Cleanup(NodeRuntime node, DateTimeOffset now, NodetoolCommandLine line)
    {
        var positional = line.Positional("-j", "--jobs");
        if (positional.Count > 0 && keyspaces.All(k => k.Name != positional[0]))
        {
            return NodetoolErrors.Exception(string.Empty, $"Keyspace [{positional[0]}] does not exist.", $"java.lang.IllegalArgumentException: Keyspace [{positional[0]}] does not exist.");
        }

        node.Compactions.Add(now, 2 * Math.Max(1, positional.Count > 0 ? 1 : UserKeyspaces().Count));
        return Ok(string.Empty);
    }

    private static NodetoolResponse TpStats(NodeRuntime node, DateTimeOffset now) =>
        Ok(OperationalRenderers.TpStats(node.Compactions.Pending(now), node.Version.Major >= 4));

    private static string Bool(bool value) => value ? "true" : "false";
}
