using System.Globalization;
using Cstar.Core.Errors;

namespace Cstar.Simulator.Host.Cluster;

/// <summary>
/// Host i of a cluster on network N lives at 127.N.(1 + i / 250).(1 + i % 250): 127.N.1.1 … 127.N.1.250,
/// then 127.N.2.1 …. The third and fourth octets never are 0 or 255, and N is 1..254, so 127.0.0.1 and the
/// machine's own loopback services are never taken. Two clusters on different networks never collide.
/// </summary>
public static class AddressPlan
{
    public const int HostsPerBlock = 250;

    public const int MaxHosts = HostsPerBlock * 250;

    public static string AddressOf(int network, int index)
    {
        Validate(network, index + 1);
        return string.Create(CultureInfo.InvariantCulture, $"127.{network}.{1 + (index / HostsPerBlock)}.{1 + (index % HostsPerBlock)}");
    }

    public static void Validate(int network, int hostCount)
    {
        if (network is < 1 or > 254)
        {
            throw new CstarException($"network {network} is outside 1..254", "Pick --network between 1 and 254 (the second octet of 127.N.x.y).");
        }

        if (hostCount is < 1 or > MaxHosts)
        {
            throw new CstarException($"{hostCount} hosts do not fit the address plan (1..{MaxHosts})", "Ask for fewer hosts.");
        }
    }
}
