using Cstar.TestKit.Requirements;
using Xunit;

namespace Cstar.TestKit.Simulation;

/// <summary>
/// A loopback cluster shared by the tests of a class or collection. Where the cluster cannot run (not root, no
/// sshd) it is not started, and each test that reads <see cref="Cluster"/> is reported skipped with the reason.
/// </summary>
public abstract class LoopbackClusterFixture : IAsyncLifetime
{
    private LoopbackCluster? _cluster;

    public LoopbackCluster Cluster
    {
        get
        {
            LoopbackRequirement.SkipUnlessAvailable();
            return _cluster ?? throw new InvalidOperationException("The loopback cluster fixture has not started.");
        }
    }

    public async Task InitializeAsync()
    {
        if (LoopbackRequirement.IsAvailable)
        {
            _cluster = await StartClusterAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    protected abstract Task<LoopbackCluster> StartClusterAsync();
}
