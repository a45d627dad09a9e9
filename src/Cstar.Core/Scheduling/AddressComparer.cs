using System.Net;

namespace Cstar.Core.Scheduling;

/// <summary>
/// Orders addresses numerically when both are IP literals (10.0.0.2 before 10.0.0.10), IPv4 before IPv6, IP
/// literals before names, names ordinally. The address part of <see cref="Topology.HostOrder"/>.
/// </summary>
public sealed class AddressComparer : IComparer<string>
{
    public static AddressComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return string.CompareOrdinal(x, y);
        }

        var (isA, isB) = (IPAddress.TryParse(x, out var a), IPAddress.TryParse(y, out var b));
        if (isA != isB)
        {
            return isA ? -1 : 1;
        }

        if (a is not null && b is not null)
        {
            var ab = a.GetAddressBytes();
            var bb = b.GetAddressBytes();
            if (ab.Length != bb.Length)
            {
                return ab.Length.CompareTo(bb.Length);
            }

            for (var i = 0; i < ab.Length; i++)
            {
                if (ab[i] != bb[i])
                {
                    return ab[i].CompareTo(bb[i]);
                }
            }

            return 0;
        }

        return string.CompareOrdinal(x, y);
    }
}
