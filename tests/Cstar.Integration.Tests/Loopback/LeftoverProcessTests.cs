using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Loopback;

/// <summary>
/// Runs in the loopback collection, so every cluster of the tests before it was already torn down: none of
/// their launchers, sshds or daemons may still be alive; only the shared fixture's cluster may be running.
/// Only clusters this test process created count: other processes on the machine may run clusters of their own.
/// </summary>
[Collection(LoopbackGroup.Name)]
[Trait("Category", "Loopback")]
public sealed class LeftoverProcessTests(SharedClusterFixture fixture)
{
    [SkippableFact]
    public void No_process_of_an_earlier_cluster_of_this_suite_is_left()
    {
        var shared = LoopbackCluster.ProcessesMentioning(fixture.Cluster.Directory);
        var ours = LoopbackCluster.CreatedDirectories
            .Where(d => d != fixture.Cluster.Directory)
            .SelectMany(LoopbackCluster.ProcessesMentioning);

        shared.Should().NotBeEmpty("the check must see a running cluster's processes to be worth anything");
        ours.Except(shared).Should().BeEmpty();
    }
}
