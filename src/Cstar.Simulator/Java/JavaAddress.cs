using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Cstar.Simulator.Java;

/// <summary>
/// How Java prints and hashes an address: InetAddress.getHostAddress writes IPv6 in full
/// (0:0:0:0:0:0:0:1, no "::"), and hashCode decides the order of several nodetool lists.
/// </summary>
internal static class JavaAddress
{
    /// <summary>The storage port InetAddressAndPort carries in 4.0+ output ("127.0.0.1:7000").</summary>
    public const int StoragePort = 7000;

    public static IPAddress Parse(string address) =>
        IPAddress.TryParse(address, out var ip) && ip.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6
            ? ip
            : throw new ArgumentException($"'{address}' is not an IPv4 or IPv6 address.", nameof(address));

    /// <summary>InetAddress.getHostAddress.</summary>
    public static string HostAddress(IPAddress ip)
    {
        ArgumentNullException.ThrowIfNull(ip);
        if (ip.AddressFamily == AddressFamily.InterNetwork)
        {
            return ip.ToString();
        }

        var bytes = ip.GetAddressBytes();
        var groups = new string[8];
        for (var i = 0; i < 8; i++)
        {
            groups[i] = ((bytes[2 * i] << 8) | bytes[(2 * i) + 1]).ToString("x", CultureInfo.InvariantCulture);
        }

        var text = string.Join(':', groups);
        return ip.ScopeId != 0 ? text + "%" + ip.ScopeId.ToString(CultureInfo.InvariantCulture) : text;
    }

    /// <summary>InetAddressAndPort.getHostAddressAndPort: "127.0.0.1:7000" or "[0:0:...:1]:7000".</summary>
    public static string HostAddressAndPort(IPAddress ip) =>
        ip.AddressFamily == AddressFamily.InterNetworkV6
            ? "[" + HostAddress(ip) + "]:" + StoragePort.ToString(CultureInfo.InvariantCulture)
            : HostAddress(ip) + ":" + StoragePort.ToString(CultureInfo.InvariantCulture);

    /// <summary>InetAddress.hashCode (Inet4: the address as an int; Inet6: sum of signed 4-byte words).</summary>
    public static int InetAddressHash(IPAddress ip)
    {
        ArgumentNullException.ThrowIfNull(ip);
        var bytes = ip.GetAddressBytes();
        if (ip.AddressFamily == AddressFamily.InterNetwork)
        {
            return (bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3];
        }

        var hash = 0;
        var i = 0;
        while (i < bytes.Length)
        {
            var component = 0;
            for (var j = 0; j < 4 && i < bytes.Length; j++, i++)
            {
                component = unchecked((component << 8) + (sbyte)bytes[i]);
            }

            hash = unchecked(hash + component);
        }

        return hash;
    }

    /// <summary>InetAddressAndPort.hashCode (Cassandra 4.0+): 31 * address + port.</summary>
    public static int InetAddressAndPortHash(IPAddress ip) => unchecked((31 * InetAddressHash(ip)) + StoragePort);
}
