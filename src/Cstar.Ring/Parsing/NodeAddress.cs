using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Cstar.Ring.Parsing;

/// <summary>
/// The key of a node: the address nodetool prints, normalised so that every source agrees
/// (IPv6 in its compressed lower-case form, an optional ":port" or "[v6]:port" split off, a leading '/'
/// dropped, host names lower-cased).
/// </summary>
public static class NodeAddress
{
    /// <summary>Parses an address as nodetool prints it; false when it is neither an IP literal nor a host name.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out string address, out int? port)
    {
        address = string.Empty;
        port = null;
        if (!text.IsEmpty && text[0] == '/')
        {
            text = text[1..];
        }

        if (text.IsEmpty || text.Length > 300)
        {
            return false;
        }

        if (text[0] == '[')
        {
            var close = text.IndexOf(']');
            if (close < 0 || !TryParseV6(text[1..close], out address))
            {
                return false;
            }

            var after = text[(close + 1)..];
            if (after.IsEmpty)
            {
                return true;
            }

            return after[0] == ':' && TryParsePort(after[1..], out port);
        }

        var colon = text.IndexOf(':');
        if (colon >= 0)
        {
            if (text.LastIndexOf(':') == colon)
            {
                // host:port or a.b.c.d:port
                if (!TryParsePort(text[(colon + 1)..], out port))
                {
                    return false;
                }

                return TryParseV4OrName(text[..colon], out address);
            }

            return TryParseV6(text, out address);
        }

        return TryParseV4OrName(text, out address);
    }

    /// <summary>Normalises an address or returns the trimmed text unchanged when it is not one.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text.AsSpan().Trim(), out var address, out _) ? address : text.Trim();
    }

    /// <summary>The IP address behind a normalised key, or null when the key is a host name.</summary>
    public static IPAddress? ToIpAddress(string address) =>
        IPAddress.TryParse(address, out var ip) && (address.Contains(':', StringComparison.Ordinal) || IsDottedQuad(address)) ? ip : null;

    private static bool TryParseV6(ReadOnlySpan<char> text, out string address)
    {
        address = string.Empty;
        if (!IPAddress.TryParse(text, out var ip) || ip.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        address = ip.ToString();
        return true;
    }

    private static bool TryParseV4OrName(ReadOnlySpan<char> text, out string address)
    {
        address = string.Empty;
        if (text.IsEmpty)
        {
            return false;
        }

        if (IsDottedQuad(text))
        {
            if (!IPAddress.TryParse(text, out var ip) || ip.AddressFamily != AddressFamily.InterNetwork)
            {
                return false;
            }

            address = ip.ToString();
            return true;
        }

        if (!char.IsAsciiLetterOrDigit(text[0]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '.' and not '-' and not '_')
            {
                return false;
            }
        }

        address = text.ToString().ToLowerInvariant();
        return true;
    }

    private static bool IsDottedQuad(ReadOnlySpan<char> text)
    {
        var dots = 0;
        foreach (var c in text)
        {
            if (c == '.')
            {
                dots++;
            }
            else if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return dots == 3;
    }

    private static bool TryParsePort(ReadOnlySpan<char> text, out int? port)
    {
        port = null;
        if (text.IsEmpty || text.Length > 5 || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > 65535)
        {
            return false;
        }

        port = value;
        return true;
    }
}
