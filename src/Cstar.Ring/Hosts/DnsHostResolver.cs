using System.Net;
using System.Net.Sockets;

namespace Cstar.Ring.Hosts;

/// <summary>The real resolver: IPv4 and IPv6 through the system resolver (unlike gethostbyname, which is IPv4-only).</summary>
public sealed class DnsHostResolver : IHostResolver
{
    public async Task<IReadOnlyList<IPAddress>> ResolveAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var addresses = await Dns.GetHostAddressesAsync(name, cancellationToken).ConfigureAwait(false);
            return addresses.Length > 0 ? addresses : throw new HostResolutionException(name, "no address");
        }
        catch (SocketException e)
        {
            throw new HostResolutionException(name, e.Message, e);
        }
        catch (ArgumentException e)
        {
            // 0, 0.0.0.0, ::: unspecified addresses, which no host can be reached at.
            throw new HostResolutionException(name, "not an address a host can be reached at", e);
        }
    }
}
