using Cstar.Core.Replication;
using Cstar.Ring.Describering;
using Cstar.Ring.Discovery;
using Cstar.Ring.Status;
using Cstar.TestKit;
using FluentAssertions;
using Xunit;

namespace Cstar.Ring.Tests;

/// <summary>2.x/3.x print no replication: the factors are the largest number of replicas seen per DC in one range.</summary>
public sealed class InferredReplicationTests
{
    private static readonly StatusOutput Status = StatusParser.Parse(Fixtures.RealNodetool("3.11.10", "status.txt"));

    private static string Line(string start, string end, string endpoints) =>
        $"\tTokenRange(start_token:{start}, end_token:{end}, endpoints:[{endpoints}], rpc_endpoints:[{endpoints}], endpoint_details:[])\n";

    [Fact]
    public void Each_dc_gets_its_largest_count_in_one_range_and_a_dc_without_replicas_is_left_out()
    {
        var ring = DescriberingParser.Parse(
            "TokenRange: \n" + Line("30", "10", "127.0.0.1") + Line("10", "20", "127.0.0.2, 127.0.0.1") + Line("20", "30", "127.0.0.2"));

        var inferred = ClusterProbe.Infer("ks", ring, Status);

        inferred.Class.Should().Be(ReplicationClass.Other);
        inferred.ReplicationFactors.Should().Equal(new Dictionary<string, int> { ["dc1"] = 2 });
    }

    [Fact]
    public void Ranges_sharing_one_replica_list_count_it_once_and_every_dc_is_counted()
    {
        var ring = DescriberingParser.Parse(
            "TokenRange: \n" + Line("30", "10", "127.0.0.1, 127.0.0.3") + Line("10", "20", "127.0.0.1, 127.0.0.3") + Line("20", "30", "127.0.0.3, 127.0.0.2, 127.0.0.1"));

        var inferred = ClusterProbe.Infer("ks", ring, Status);

        inferred.ReplicationFactors.Should().Equal(new Dictionary<string, int> { ["dc1"] = 2, ["dc2"] = 1 });
    }
}
