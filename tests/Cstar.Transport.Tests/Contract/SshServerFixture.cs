using Cstar.TestKit.Ssh;
using Xunit;

namespace Cstar.Transport.Tests.Contract;

/// <summary>One test sshd per test class, stopped (with its sessions) when the class is done.</summary>
public sealed class SshServerFixture : IAsyncLifetime
{
    private TestSshServer? _server;

    public TestSshServer Server => _server ?? throw new InvalidOperationException("The sshd fixture has not started.");

    public async Task InitializeAsync() => _server = await TestSshServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
