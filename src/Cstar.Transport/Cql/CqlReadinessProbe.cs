using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Cstar.Transport.Cql;

/// <summary>
/// Asks a node's native-protocol port whether it serves clients: sends an OPTIONS frame and expects
/// SUPPORTED. No driver needed: the exchange is two frames. Protocol v4 first (Cassandra 2.2+), then v3
/// (2.1) when the node answers with a protocol-version error. Every step is bounded by the timeout.
/// </summary>
public sealed class CqlReadinessProbe(TimeSpan timeout)
{
    public const int DefaultPort = 9042;
    private const byte OpcodeError = 0x00;
    private const byte OpcodeOptions = 0x05;
    private const byte OpcodeSupported = 0x06;

    public async Task<CqlProbeResult> ProbeAsync(string host, int port, CancellationToken cancellationToken)
    {
        var first = await ExchangeAsync(host, port, 4, cancellationToken).ConfigureAwait(false);
        if (first is { Ready: false } && first.Detail.Contains("protocol version", StringComparison.OrdinalIgnoreCase))
        {
            return await ExchangeAsync(host, port, 3, cancellationToken).ConfigureAwait(false);
        }

        return first;
    }

    private async Task<CqlProbeResult> ExchangeAsync(string host, int port, byte version, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            using var client = new TcpClient(IPAddress.TryParse(host, out var ip) ? ip.AddressFamily : AddressFamily.InterNetwork);
            await client.ConnectAsync(host, port, cts.Token).ConfigureAwait(false);
            var stream = client.GetStream();
            var request = new byte[9];
            request[0] = version;
            request[4] = OpcodeOptions;
            await stream.WriteAsync(request, cts.Token).ConfigureAwait(false);

            var header = new byte[9];
            await stream.ReadExactlyAsync(header, cts.Token).ConfigureAwait(false);
            var length = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(5));
            if ((header[0] & 0x80) == 0 || length is < 0 or > 1_000_000)
            {
                return CqlProbeResult.NotReady($"{host}:{port} answered with something that is not a CQL response frame");
            }

            var body = new byte[length];
            await stream.ReadExactlyAsync(body, cts.Token).ConfigureAwait(false);
            return header[4] switch
            {
                OpcodeSupported => CqlProbeResult.Supported($"{host}:{port} answered OPTIONS with SUPPORTED (protocol v{version})"),
                OpcodeError => CqlProbeResult.NotReady($"{host}:{port} answered OPTIONS with an error: {ErrorMessage(body)}"),
                _ => CqlProbeResult.NotReady($"{host}:{port} answered OPTIONS with opcode 0x{header[4]:x2}, not SUPPORTED"),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return CqlProbeResult.NotReady($"{host}:{port} did not answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (SocketException e)
        {
            return CqlProbeResult.NotReady($"{host}:{port}: {e.SocketErrorCode} ({e.Message})");
        }
        catch (IOException e)
        {
            return CqlProbeResult.NotReady($"{host}:{port} closed the connection ({e.Message})");
        }
    }

    /// <summary>An ERROR body is [int code][string message]; the message says e.g. "Invalid or unsupported protocol version".</summary>
    private static string ErrorMessage(byte[] body)
    {
        if (body.Length < 6)
        {
            return "(empty)";
        }

        var length = BinaryPrimitives.ReadUInt16BigEndian(body.AsSpan(4));
        return Encoding.UTF8.GetString(body, 6, Math.Min(length, body.Length - 6));
    }
}
