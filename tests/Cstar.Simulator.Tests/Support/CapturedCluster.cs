using System.Globalization;
using System.Net;
using Cstar.Core.Replication;
using Cstar.Simulator.Spec;
using Cstar.TestKit;

namespace Cstar.Simulator.Tests.Support;

/// <summary>
/// The cluster the real captures came from (node1 127.0.0.1 dc1/rack1, node2 127.0.0.2 dc1/rack2, node3
/// 127.0.0.3 dc2/rack1, acc_nts NTS {dc1:2, dc2:1}), rebuilt from the captures' own tokens, host ids,
/// schema version and loads. The small readers below only pick those values out of the fixtures.
/// </summary>
internal static class CapturedCluster
{
    public static readonly string[] Addresses = ["127.0.0.1", "127.0.0.2", "127.0.0.3"];

    public static RingBuilder Builder(string version, string loadsFrom, int nodeCount = 3)
    {
        var hostIds = HostIds(Fixtures.RealNodetool(version, "status.txt"));
        var loads = Loads(Fixtures.RealNodetool(version, "status.txt"));
        foreach (var (address, bytes) in Loads(Fixtures.RealNodetool(version, loadsFrom)))
        {
            loads[address] = bytes;
        }

        var builder = RingBuilder.Create("acceptance")
            .WithSchemaVersion(SchemaVersion(Fixtures.RealNodetool(version, "describecluster.txt")))
            .WithKeyspace(KeyspaceDefinition.NetworkTopology("acc_nts", [new("dc1", 2), new("dc2", 1)]));
        string[] dcs = ["dc1", "dc1", "dc2"];
        string[] racks = ["rack1", "rack2", "rack1"];
        for (var i = 0; i < nodeCount; i++)
        {
            var address = Addresses[i];
            builder = builder.WithNode(new NodeSpec(
                address, "node" + (i + 1), dcs[i], racks[i], hostIds[address], [], loads[address], version,
                address == "127.0.0.1" ? "localhost" : null));
        }

        return builder.WithTokensFromRingOutput(Fixtures.RealNodetool(version, "ring.txt"));
    }

    public static Dictionary<string, Guid> HostIds(string status) =>
        Rows(status).Where(f => f.Length >= 7 && Guid.TryParse(f[^2], out _))
            .ToDictionary(f => f[1], f => Guid.Parse(f[^2]));

    /// <summary>Loads in bytes from status or ring rows ("101.8 KiB" → 104243).</summary>
    public static Dictionary<string, long> Loads(string output)
    {
        var result = new Dictionary<string, long>();
        foreach (var fields in Rows(output))
        {
            var address = fields.FirstOrDefault(f => IPAddress.TryParse(f, out _) && f.Contains('.'));
            var unit = Array.FindIndex(fields, f => f is "KiB" or "MiB" or "KB" or "MB" or "bytes");
            if (address is null || unit < 1)
            {
                continue;
            }

            var multiplier = fields[unit] switch { "KiB" or "KB" => 1024d, "MiB" or "MB" => 1024d * 1024, _ => 1d };
            result[address] = (long)Math.Round(double.Parse(fields[unit - 1], CultureInfo.InvariantCulture) * multiplier);
        }

        return result;
    }

    public static Guid SchemaVersion(string describeCluster) =>
        Guid.Parse(describeCluster.Split('\n').First(l => l.StartsWith("\t\t", StringComparison.Ordinal)).Trim().Split(':')[0]);

    private static IEnumerable<string[]> Rows(string output) =>
        output.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
