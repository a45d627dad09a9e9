using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Cstar.TestKit.Simulation;

/// <summary>
/// Sends a native-protocol v4 OPTIONS frame (04 00 stream 05 00000000) to a node's CQL port and reads the
/// answer: the SUPPORTED multimap, or null when the connection was refused, reset or closed.
/// Deliberately not the production <c>Cstar.Transport.Cql.CqlReadinessProbe</c>: the tests assert what the
/// simulated node says (the multimap, which the production probe discards), a port that hangs instead of
/// resetting must fail the test (here the timeout throws; the production probe reports it as "not ready"),
/// and only v4 is asked (the production probe falls back to v3, which would hide a node rejecting v4).
/// </summary>
public static class CqlProbe
{
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>?> OptionsAsync(string address, int port, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Parse(address), port), cancel.Token);
            await socket.SendAsync(new byte[] { 0x04, 0x00, 0x00, 0x07, 0x05, 0, 0, 0, 0 }, SocketFlags.None, cancel.Token);
            var header = await ReadAsync(socket, 9, cancel.Token);
            if (header is null || header[0] != 0x84 || header[2] != 0x00 || header[3] != 0x07 || header[4] != 0x06)
            {
                return null;
            }

            var body = await ReadAsync(socket, (header[5] << 24) | (header[6] << 16) | (header[7] << 8) | header[8], cancel.Token);
            return body is null ? null : ParseMultimap(body);
        }
        catch (SocketException)
        {
            return null;
        }
    }

    private static Dictionary<string, IReadOnlyList<string>> ParseMultimap(byte[] body)
    {
        var at = 0;
        int Short() => (body[at++] << 8) | body[at++];
        string Text()
        {
            var length = Short();
            var text = Encoding.UTF8.GetString(body, at, length);
            at += length;
            return text;
        }

        var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        for (var n = Short(); n > 0; n--)
        {
            var key = Text();
            map[key] = Enumerable.Range(0, Short()).Select(_ => Text()).ToList();
        }

        return map;
    }

    private static async Task<byte[]?> ReadAsync(Socket socket, int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[count];
        var read = 0;
        while (read < count)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, cancellationToken);
            if (n == 0)
            {
                return null;
            }

            read += n;
        }

        return buffer;
    }
}
