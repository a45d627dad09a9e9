using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Loopback;

/// <summary>
/// No launcher, sshd or daemon of a cluster that was disposed may still be alive. Clusters still running (in
/// classes that run in parallel with this one, and the shared fixture's) do not count, nor do clusters of
/// other processes on the machine.
/// </summary>
[Collection(LoopbackGroup.Name)]
[Trait("Category", "Loopback")]
public sealed class LeftoverProcessTests(SharedClusterFixture fixture)
{
    [SkippableFact]
    public void No_process_of_an_earlier_cluster_of_this_suite_is_left()
    {
        var shared = LoopbackCluster.ProcessesMentioning(fixture.Cluster.Directory);
        var ours = LoopbackCluster.DisposedDirectories.SelectMany(LoopbackCluster.ProcessesMentioning);

        shared.Should().NotBeEmpty("the check must see a running cluster's processes to be worth anything");
        ours.Except(shared).Should().BeEmpty();
    }
}
