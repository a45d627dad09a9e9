using Cstar.Transport.Execution;
using Cstar.Transport.SshNet;
using Xunit;

namespace Cstar.Transport.Tests.Contract;

[Trait("Category", "Loopback")]
public sealed class SshNetTransportContract(SshServerFixture fixture) : SshTransportContract(fixture), IClassFixture<SshServerFixture>
{
    protected override CommandTransportBase CreateTransport(SshOptions options) => new SshNetTransport(options);
}
