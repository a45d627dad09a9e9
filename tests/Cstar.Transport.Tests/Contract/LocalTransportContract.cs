using Cstar.Transport.Execution;
using Cstar.Transport.Local;

namespace Cstar.Transport.Tests.Contract;

public sealed class LocalTransportContract : TransportContract
{
    protected override string Host => "localhost";

    protected override CommandTransportBase CreateTransport(SshOptions options) => new LocalTransport(options.KillGracePeriod);
}
