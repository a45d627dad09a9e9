using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Loopback;

/// <summary>
/// Runs in the loopback collection, so every cluster of the tests before it was already torn down: none of
/// their launchers, sshds or daemons may still be alive; only the shared fixture's cluster may be running.
/// </summary>
[Collection(LoopbackGroup.Name)]
public sealed class LeftoverProcessTests(SharedClusterFixture fixture)
{
    [Fact]
    public void No_process_of_an_earlier_cluster_of_this_suite_is_left()
    {
        var shared = LoopbackCluster.ProcessesMentioning(fixture.Cluster.Directory);
        var ours = LoopbackCluster.ProcessesMentioning(Path.Combine(Path.GetTempPath(), "cstar-loopback-"))
            .Concat(LoopbackCluster.ProcessesMentioning(Path.Combine(Path.GetTempPath(), "cstar-sim-cli-")));

        shared.Should().NotBeEmpty("the check must see a running cluster's processes to be worth anything");
        ours.Except(shared).Should().BeEmpty();
    }
}
