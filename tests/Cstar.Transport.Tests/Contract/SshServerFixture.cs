using Cstar.TestKit.Requirements;
using Cstar.TestKit.Ssh;
using Xunit;

namespace Cstar.Transport.Tests.Contract;

/// <summary>
/// One test sshd per test class, stopped (with its sessions) when the class is done. Where sshd cannot run
/// (not root), it is not started and each test that reads <see cref="Server"/> is reported skipped.
/// </summary>
public sealed class SshServerFixture : IAsyncLifetime
{
    private TestSshServer? _server;

    public TestSshServer Server
    {
        get
        {
            LoopbackRequirement.SkipUnlessAvailable();
            return _server ?? throw new InvalidOperationException("The sshd fixture has not started.");
        }
    }

    public async Task InitializeAsync()
    {
        if (LoopbackRequirement.IsAvailable)
        {
            _server = await TestSshServer.StartAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
