using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cstar.Transport.Ssh;

/// <summary>
/// A known_hosts file as OpenSSH reads it: plain names and patterns, hashed names (<c>|1|salt|hmac</c>, the
/// HMAC-SHA1 of the name keyed by the salt), <c>[host]:port</c> for non-22 ports, comma lists, negation, and
/// the <c>@revoked</c> marker (<c>@cert-authority</c> lines are skipped: certificates are not supported).
/// Lines that cannot be read are skipped as OpenSSH does; that only makes a host unknown, never trusted.
/// </summary>
public sealed class KnownHosts
{
    private KnownHosts(IReadOnlyList<KnownHostEntry> entries) => Entries = entries;

    public IReadOnlyList<KnownHostEntry> Entries { get; }

    public static KnownHosts Load(string path) => Parse(File.Exists(path) ? File.ReadAllText(path) : string.Empty);

    public static KnownHosts Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<KnownHostEntry>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var fields = lines[i].Trim().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0 || fields[0].StartsWith('#'))
            {
                continue;
            }

            var marker = fields[0].StartsWith('@') ? fields[0] : null;
            var rest = marker is null ? fields : fields[1..];
            if (rest.Length < 3 || !TryDecode(rest[2], out var key))
            {
                continue;
            }

            entries.Add(new KnownHostEntry(marker, rest[0].Split(',', StringSplitOptions.RemoveEmptyEntries), rest[1], key, i + 1));
        }

        return new KnownHosts(entries);
    }

    /// <summary>The name OpenSSH looks up: <c>host</c> on port 22, <c>[host]:port</c> otherwise.</summary>
    public static string LookupName(string host, int port) =>
        port == 22 ? host : string.Create(CultureInfo.InvariantCulture, $"[{host}]:{port}");

    /// <summary>The line to append for a newly accepted key.</summary>
    public static string FormatLine(string host, int port, ReadOnlySpan<byte> key) =>
        $"{LookupName(host, port)} {KeyTypeOf(key)} {Convert.ToBase64String(key)}";

    /// <summary>OpenSSH's fingerprint: <c>SHA256:</c> and the unpadded base64 of the SHA-256 of the key blob.</summary>
    public static string Fingerprint(ReadOnlySpan<byte> key) => "SHA256:" + Convert.ToBase64String(SHA256.HashData(key)).TrimEnd('=');

    /// <summary>The algorithm name inside an SSH public key blob (e.g. ssh-ed25519, ssh-rsa).</summary>
    public static string KeyTypeOf(ReadOnlySpan<byte> key)
    {
        if (key.Length < 4)
        {
            return string.Empty;
        }

        var length = BinaryPrimitives.ReadInt32BigEndian(key);
        return length > 0 && length <= key.Length - 4 ? Encoding.ASCII.GetString(key.Slice(4, length)) : string.Empty;
    }

    /// <summary>The key types known for a host, so a client can offer those algorithms first.</summary>
    public IReadOnlyList<string> KnownKeyTypes(string host, int port)
    {
        var name = LookupName(host, port);
        return Entries.Where(e => e.Marker is null && MatchesHost(e, name)).Select(e => e.KeyType).Distinct(StringComparer.Ordinal).ToList();
    }

    public HostKeyStatus Check(string host, int port, ReadOnlySpan<byte> key)
    {
        var name = LookupName(host, port);
        var type = KeyTypeOf(key);
        var status = HostKeyStatus.Unknown;
        foreach (var entry in Entries)
        {
            if (!MatchesHost(entry, name))
            {
                continue;
            }

            var same = entry.Key.Span.SequenceEqual(key);
            if (string.Equals(entry.Marker, "@revoked", StringComparison.Ordinal))
            {
                if (same)
                {
                    return HostKeyStatus.Revoked;
                }
            }
            else if (entry.Marker is null)
            {
                if (same)
                {
                    status = HostKeyStatus.Known;
                }
                else if (status != HostKeyStatus.Known && string.Equals(KeyTypeOf(entry.Key.Span), type, StringComparison.Ordinal))
                {
                    status = HostKeyStatus.Changed;
                }
            }
        }

        return status;
    }

    private static bool MatchesHost(KnownHostEntry entry, string name) => HostPattern.MatchesList(entry.Hosts, name, MatchOne);

    private static bool MatchOne(string pattern, string name)
    {
        if (!pattern.StartsWith("|1|", StringComparison.Ordinal))
        {
            return HostPattern.Matches(pattern, name);
        }

        var parts = pattern.Split('|');
        if (parts.Length != 4 || !TryDecode(parts[2], out var salt) || !TryDecode(parts[3], out var hash))
        {
            return false;
        }

#pragma warning disable CA5350 // OpenSSH's hashed-name format is defined as HMAC-SHA1; this is a lookup, not a security boundary.
        var actual = HMACSHA1.HashData(salt, Encoding.UTF8.GetBytes(name));
#pragma warning restore CA5350
        return CryptographicOperations.FixedTimeEquals(actual, hash);
    }

    private static bool TryDecode(string base64, out byte[] bytes)
    {
        try
        {
            bytes = Convert.FromBase64String(base64);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
