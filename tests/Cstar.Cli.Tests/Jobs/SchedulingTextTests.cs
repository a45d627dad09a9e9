using Cstar.Cli.Jobs;
using Cstar.Core.Scheduling;
using Cstar.Core.Topology;
using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests.Jobs;

/// <summary>The header's and the log's scheduling words: only what means something for the job's targets.</summary>
public sealed class SchedulingTextTests
{
    private static Node N(string address, string cluster, string dc) => new(address, cluster, dc, "r1", NodeStatus.Up, NodeState.Normal, Guid.NewGuid());

    [Fact]
    public void One_cluster_in_one_dc_says_only_the_strategy()
    {
        var policy = SchedulingPolicy.Default with { ClusterParallel = true };

        SchedulingText.Of(policy, [N("10.0.0.1", "c1", "dc1"), N("10.0.0.2", "c1", "dc1")]).Should().Be("topology");
    }

    [Fact]
    public void One_cluster_in_two_dcs_says_how_dcs_run_but_not_clusters()
    {
        var policy = SchedulingPolicy.Default with { Strategy = SchedulingStrategy.One, ClusterParallel = true };

        SchedulingText.Of(policy, [N("10.0.0.1", "c1", "dc1"), N("10.0.0.2", "c1", "dc2")]).Should().Be("one, dc-serial");
    }

    [Fact]
    public void Two_clusters_say_how_clusters_run_and_dcs_only_when_one_has_several()
    {
        var parallel = SchedulingPolicy.Default with { Strategy = SchedulingStrategy.All, ClusterParallel = true, DcParallel = true };

        SchedulingText.Of(parallel, [N("10.0.0.1", "c1", "dc1"), N("10.0.1.1", "c2", "dc1")]).Should().Be("all, cluster-parallel");
        SchedulingText.Of(parallel, [N("10.0.0.1", "c1", "dc1"), N("10.0.0.2", "c1", "dc2"), N("10.0.1.1", "c2", "dc1")]).Should().Be("all, cluster-parallel, dc-parallel");
        SchedulingText.Of(SchedulingPolicy.Default, [N("10.0.0.1", "c1", "dc1"), N("10.0.1.1", "c2", "dc1")]).Should().Be("topology, cluster-serial");
    }
}
