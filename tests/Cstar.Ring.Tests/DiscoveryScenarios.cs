using System.Text.RegularExpressions;
using Cstar.TestKit;

namespace Cstar.Ring.Tests;

/// <summary>Answers a FakeTransport with real captures, as a 3.11 or a 4.0 node of the "acceptance" cluster would.</summary>
internal static class DiscoveryScenarios
{
    public const string Tablestats311 = "Total number of tables: 40\n----------------\nKeyspace : system_traces\n\tRead Count: 0\n"
        + "Keyspace : system\nKeyspace : system_distributed\nKeyspace : system_schema\nKeyspace : system_auth\nKeyspace : acc_nts\n";

    public static FakeTransport Node311(this FakeTransport transport, string host, string status = "status.txt", string describecluster = "describecluster.txt")
    {
        var acc = Fixtures.RealNodetool("3.11.10", "describering-acc_nts.txt");
        return transport
            .Answer(host, "nodetool describecluster", Fixtures.RealNodetool("3.11.10", describecluster))
            .Answer(host, "nodetool status", Fixtures.RealNodetool("3.11.10", status))
            .Answer(host, "nodetool tablestats", Tablestats311)
            .Answer(host, "nodetool describering system_auth", Fixtures.RealNodetool("3.11.10", "describering-system_auth.txt"))
            .Answer(host, "nodetool describering system_distributed", acc)
            .Answer(host, "nodetool describering system_traces", acc)
            .Answer(host, "nodetool describering acc_nts", acc)
            .Answer(host, "nodetool version", Fixtures.RealNodetool("3.11.10", "version.txt"));
    }

    public static FakeTransport Node40(this FakeTransport transport, string host, string? clusterName = null, string describecluster = "describecluster.txt", string status = "status.txt")
    {
        var acc = Fixtures.RealNodetool("4.0-alpha4", "describering-acc_nts.txt");
        var description = Fixtures.RealNodetool("4.0-alpha4", describecluster);
        if (clusterName is not null)
        {
            description = description.Replace("Name: acceptance", "Name: " + clusterName, StringComparison.Ordinal);
        }

        return transport
            .Answer(host, "nodetool describecluster", description)
            .Answer(host, "nodetool status", Fixtures.RealNodetool("4.0-alpha4", status))
            .Answer(host, "nodetool describering system_auth", Fixtures.RealNodetool("4.0-alpha4", "describering-system_auth.txt"))
            .Answer(host, "nodetool describering system_distributed", acc)
            .Answer(host, "nodetool describering system_traces", FirstReplicas(acc, 2))
            .Answer(host, "nodetool describering acc_nts", acc);
    }

    /// <summary>
    /// A describering with only the first <paramref name="count"/> replicas of every range. On the 3-node capture
    /// acc_nts ({dc1: 2, dc2: 1}, each dc1 node in its own rack) lists the nodes in ring order, as SimpleStrategy
    /// does, so its first 2 replicas are what the stock system_traces (SimpleStrategy RF 2) gives.
    /// </summary>
    public static string FirstReplicas(string describering, int count) =>
        Regex.Replace(describering, @"(endpoints|rpc_endpoints|endpoint_details):\[([^\]]*)\]", m =>
        {
            var separator = m.Groups[1].Value == "endpoint_details" ? "), " : ", ";
            var items = m.Groups[2].Value.Split(separator);
            var kept = string.Join(separator, items.Take(count));
            return $"{m.Groups[1].Value}:[{kept}{(m.Groups[1].Value == "endpoint_details" && count < items.Length ? ")" : string.Empty)}]";
        });

    public static IEnumerable<string> CommandsRunOn(this FakeTransport transport, string host) =>
        transport.Calls.Where(c => c.Host == host).Select(c => string.Join(' ', c.Argv));
}
