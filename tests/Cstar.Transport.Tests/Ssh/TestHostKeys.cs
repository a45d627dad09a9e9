using System.Text;
using Cstar.Transport.Ssh;

namespace Cstar.Transport.Tests.Ssh;

/// <summary>Fake SSH public key blobs (type name, then filler) and their known_hosts text.</summary>
internal static class TestHostKeys
{
    public static byte[] Blob(string type, byte seed)
    {
        var name = Encoding.ASCII.GetBytes(type);
        var blob = new byte[4 + name.Length + 36];
        blob[3] = (byte)name.Length;
        name.CopyTo(blob, 4);
        blob.AsSpan(4 + name.Length).Fill(seed);
        return blob;
    }

    /// <summary>The "type base64" part of a known_hosts line.</summary>
    public static string Line(byte[] key) => $"{KnownHosts.KeyTypeOf(key)} {Convert.ToBase64String(key)}";
}
