using System.Globalization;
using System.Text;
using Cstar.Simulator.Views;

namespace Cstar.Simulator.Formats;

/// <summary>
/// `nodetool info [-T]`: "%-23s: %s" lines. Thrift active up to 3.11; Percent Repaired from 3.0; Chunk
/// Cache from 3.6; one Token line per token with -T or a single token, else the "(invoke with -T…)" hint.
/// </summary>
internal static class InfoRenderer
{
    public static string Render(ClusterView view, InfoFacts facts, bool allTokens)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(facts);
        var self = view.Self;
        var version = view.Version;
        var output = new StringBuilder();
        void Line(string key, string value) => output.Append(key.PadRight(23)).Append(": ").Append(value).Append('\n');
        Line("ID", self.HostId.ToString());
        Line("Gossip active", Bool(facts.GossipActive));
        if (version.HasThrift)
        {
            Line("Thrift active", "false");
        }

        Line("Native Transport active", Bool(facts.NativeTransportActive));
        Line("Load", StatusCells.Load(view, self));
        Line("Generation No", (facts.GossipActive ? facts.Generation : 0).ToString(CultureInfo.InvariantCulture));
        Line("Uptime (seconds)", facts.UptimeSeconds.ToString(CultureInfo.InvariantCulture));
        Line("Heap Memory (MB)", "88.02 / 499.25");
        Line("Off Heap Memory (MB)", "0.00");
        Line("Data Center", self.Datacenter);
        Line("Rack", self.Rack);
        Line("Exceptions", "0");
        var units = version.UsesBinaryUnits;
        Line("Key Cache", $"entries 20, size {Size(1608, units)}, capacity {Size(24 << 20, units)}, 153 hits, 186 requests, 0.823 recent hit rate, 14400 save period in seconds");
        Line("Row Cache", "entries 0, size 0 bytes, capacity 0 bytes, 0 hits, 0 requests, NaN recent hit rate, 0 save period in seconds");
        Line("Counter Cache", $"entries 0, size 0 bytes, capacity {Size(12 << 20, units)}, 0 hits, 0 requests, NaN recent hit rate, 7200 save period in seconds");
        if (version.Major > 3 || (version.Major == 3 && version.Minor >= 6))
        {
            Line("Chunk Cache", $"entries 15, size {Size(960 << 10, units)}, capacity {Size(92 << 20, units)}, 30 misses, 284 requests, 0.894 recent hit rate, NaN microseconds miss latency");
        }

        if (version.Major >= 3)
        {
            Line("Percent Repaired", "100.0%");
        }

        if (!facts.Joined)
        {
            Line("Token", "(node is not joined to the cluster)");
        }
        else if (allTokens || self.Tokens.Length == 1)
        {
            foreach (var token in self.Tokens)
            {
                Line("Token", token.ToString(CultureInfo.InvariantCulture));
            }
        }
        else
        {
            Line("Token", $"(invoke with -T/--tokens to see all {self.Tokens.Length.ToString(CultureInfo.InvariantCulture)} tokens)");
        }

        return output.ToString();
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Size(long bytes, bool binaryUnits) => Java.FileSize.Format(bytes, binaryUnits);
}
