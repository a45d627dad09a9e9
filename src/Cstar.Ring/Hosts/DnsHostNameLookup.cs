using System.Net;
using System.Net.Sockets;
using Cstar.Core.Ports;

namespace Cstar.Ring.Hosts;

/// <summary>The real reverse lookup: the system resolver's name for an address (PTR record or /etc/hosts), null when it has none.</summary>
public sealed class DnsHostNameLookup : IHostNameLookup
{
    public async Task<string?> NameOfAsync(string address, CancellationToken cancellationToken)
    {
        if (!IPAddress.TryParse(address, out var ip))
        {
            return null;
        }

        try
        {
            var entry = await Dns.GetHostEntryAsync(ip).WaitAsync(cancellationToken).ConfigureAwait(false);
            var name = entry.HostName.TrimEnd('.');
            return name.Length == 0 || IPAddress.TryParse(name, out _) ? null : name;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.HostNotFound or SocketError.NoData)
        {
            return null;
        }
    }
}
