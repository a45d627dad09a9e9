using Cstar.Transport.Execution;
using Cstar.Transport.OpenSsh;
using Xunit;

namespace Cstar.Transport.Tests.Contract;

[Trait("Category", "Loopback")]
public sealed class OpenSshTransportContract(SshServerFixture fixture) : SshTransportContract(fixture), IClassFixture<SshServerFixture>
{
    protected override CommandTransportBase CreateTransport(SshOptions options) => new OpenSshTransport(options);
}
