using System.Globalization;
using System.Text;
using Cstar.Core.Replication;

namespace Cstar.Simulator.Formats;

/// <summary>netstats, compactionstats and tablestats: the lines scripts grep for (Mode, pending tasks, Keyspace).</summary>
internal static class OperationalRenderers
{
    private const string NetstatsPools =
        "Read Repair Statistics:\n"
        + "Attempted: 0\n"
        + "Mismatch (Blocking): 0\n"
        + "Mismatch (Background): 0\n"
        + "Pool Name                    Active   Pending      Completed   Dropped\n"
        + "Large messages                  n/a         0              0         0\n"
        + "Small messages                  n/a         0             42         0\n"
        + "Gossip messages                 n/a         0            318         0\n";

    /// <summary>NetStats.java: the mode, then "Not sending any streams." or each plan with its peers (receiving summary only).</summary>
    public static string Netstats(string mode, IReadOnlyList<(string Operation, Guid PlanId, IReadOnlyList<string> Peers)>? plans = null)
    {
        var streams = new StringBuilder();
        foreach (var (operation, planId, peers) in plans ?? [])
        {
            streams.Append(operation).Append(' ').Append(planId.ToString()).Append('\n');
            foreach (var peer in peers)
            {
                streams.Append("    ").Append(peer).Append('\n')
                    .Append("        Receiving 2 files, 2097152 bytes total. Already received 1 files, 1048576 bytes total\n");
            }
        }

        return "Mode: " + mode + "\n"
            + (streams.Length == 0 ? "Not sending any streams.\n" : streams.ToString())
            + NetstatsPools;
    }

    /// <summary>tpstats: the pool table (printf %-25s%10s%10s%15s%10s%18s up to 3.11, TableBuilder from 4.0) and dropped messages.</summary>
    public static string TpStats(int pendingCompactions, bool tableBuilder)
    {
        (string Name, string Active, string Pending, string Completed)[] pools =
        [
            ("ReadStage", "0", "0", "1311"), ("MutationStage", "0", "0", "4812"),
            ("CompactionExecutor", pendingCompactions > 0 ? "2" : "0", pendingCompactions.ToString(CultureInfo.InvariantCulture), "318"),
            ("MemtableFlushWriter", "0", "0", "21"), ("Native-Transport-Requests", "0", "0", "912"),
        ];
        var output = new StringBuilder();
        if (tableBuilder)
        {
            output.Append("Pool Name                 Active Pending Completed Blocked All time blocked\n");
            foreach (var p in pools)
            {
                output.Append(CultureInfo.InvariantCulture, $"{p.Name,-25} {p.Active,-6} {p.Pending,-7} {p.Completed,-9} {"0",-7} 0\n");
            }

            return output.Append("\nMessage type Dropped Latency waiting in queue (micros)\n                     50%  95%  99%  Max\nREAD_REQ     0       N/A  N/A  N/A  N/A\nMUTATION_REQ 0       N/A  N/A  N/A  N/A\n").ToString();
        }

        output.Append(CultureInfo.InvariantCulture, $"{"Pool Name",-25}{"Active",10}{"Pending",10}{"Completed",15}{"Blocked",10}{"All time blocked",18}\n");
        foreach (var p in pools)
        {
            output.Append(CultureInfo.InvariantCulture, $"{p.Name,-25}{p.Active,10}{p.Pending,10}{p.Completed,15}{"0",10}{"0",18}\n");
        }

        return output.Append(CultureInfo.InvariantCulture, $"\n{"Message type",-20}{"Dropped",10}\n{"READ",-20}{"0",10}\n{"MUTATION",-20}{"0",10}\n").ToString();
    }

    /// <summary>"pending tasks: N", then (3.0+) one "- ks.table: n" line per table and an empty line.</summary>
    public static string CompactionStats(int pending, IReadOnlyList<KeyspaceDefinition> userKeyspaces, bool perTable)
    {
        ArgumentNullException.ThrowIfNull(userKeyspaces);
        var output = new StringBuilder("pending tasks: ").Append(pending.ToString(CultureInfo.InvariantCulture)).Append('\n');
        if (!perTable)
        {
            return output.ToString();
        }

        if (pending > 0)
        {
            var table = userKeyspaces.Count > 0 ? userKeyspaces[0].Name + ".kv" : "system.local";
            output.Append("- ").Append(table).Append(": ").Append(pending.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return output.Append('\n').ToString();
    }

    public static string TableStats(IReadOnlyList<KeyspaceDefinition> keyspaces)
    {
        ArgumentNullException.ThrowIfNull(keyspaces);
        var output = new StringBuilder("Total number of tables: ").Append(keyspaces.Count.ToString(CultureInfo.InvariantCulture)).Append("\n----------------\n");
        foreach (var keyspace in keyspaces)
        {
            output.Append("Keyspace : ").Append(keyspace.Name).Append('\n')
                .Append("\tRead Count: 0\n\tRead Latency: NaN ms\n\tWrite Count: 0\n\tWrite Latency: NaN ms\n\tPending Flushes: 0\n")
                .Append("\t\tTable: kv\n\t\tSSTable count: 1\n\t\tSpace used (live): 5120\n\t\tPending flushes: 0\n\n")
                .Append("----------------\n");
        }

        return output.ToString();
    }
}
