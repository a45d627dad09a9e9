using System.Globalization;
using System.Text;
using Cstar.Core.Replication;

namespace Cstar.Simulator.Formats;

/// <summary>netstats, compactionstats and tablestats: the lines scripts grep for (Mode, pending tasks, Keyspace).</summary>
internal static class OperationalRenderers
{
    public static string Netstats(string mode) =>
        "Mode: " + mode + "\n"
        + "Not sending any streams.\n"
        + "Read Repair Statistics:\n"
        + "Attempted: 0\n"
        + "Mismatch (Blocking): 0\n"
        + "Mismatch (Background): 0\n"
        + "Pool Name                    Active   Pending      Completed   Dropped\n"
        + "Large messages                  n/a         0              0         0\n"
        + "Small messages                  n/a         0             42         0\n"
        + "Gossip messages                 n/a         0            318         0\n";

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
