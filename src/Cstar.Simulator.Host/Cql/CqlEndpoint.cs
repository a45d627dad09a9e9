using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Cstar.Simulator.Host.Net;

namespace Cstar.Simulator.Host.Cql;

/// <summary>
/// The CQL port of one node. It always listens, but a connection accepted while the ring says the node's
/// native transport is down is reset at once (RST, no bytes), and an open connection is reset at the next
/// request once the transport went down. So a client sees "connection reset/closed", never a SUPPORTED,
/// while the node is down; and OPTIONS → SUPPORTED while it is up. STARTUP → READY; anything else → ERROR.
/// </summary>
public sealed class CqlEndpoint : IAsyncDisposable
{
    private readonly SimulatedNodeInfo _node;
    private readonly Func<bool> _isUp;
    private readonly TcpListener _listener;
    private readonly AcceptLoop _acceptLoop;

    public CqlEndpoint(SimulatedNodeInfo node, int port, Func<bool> isUp)
    {
        ArgumentNullException.ThrowIfNull(node);
        _node = node;
        _isUp = isUp;
        _listener = new TcpListener(IPAddress.Parse(node.Address), port);
        _listener.Start(64);
        _acceptLoop = new AcceptLoop(_listener.AcceptSocketAsync, ServeAsync, _listener.Stop);
    }

    public ValueTask DisposeAsync() => _acceptLoop.DisposeAsync();

    private async Task ServeAsync(Socket connection, CancellationToken cancellationToken)
    {
        using (connection)
        {
            try
            {
                var header = new byte[CqlFrames.HeaderLength];
                while (_isUp())
                {
                    if (!await ReadExactlyAsync(connection, header, cancellationToken).ConfigureAwait(false) || !_isUp())
                    {
                        break;
                    }

                    var length = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(5));
                    if (length is < 0 or > 1 << 20 || !await ReadExactlyAsync(connection, new byte[length], cancellationToken).ConfigureAwait(false))
                    {
                        break;
                    }

                    var version = header[0];
                    var stream = BinaryPrimitives.ReadInt16BigEndian(header.AsSpan(2));
                    var reply = header[4] switch
                    {
                        CqlFrames.OpOptions => CqlFrames.Supported(version, stream, _node.CassandraVersion),
                        CqlFrames.OpStartup => CqlFrames.Ready(version, stream),
                        _ => CqlFrames.ProtocolError(version, stream, "the simulated node answers only OPTIONS and STARTUP"),
                    };
                    await connection.SendAsync(reply, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
            {
                return;
            }

            connection.LingerState = new LingerOption(true, 0);
        }
    }

    private static async Task<bool> ReadExactlyAsync(Socket connection, byte[] buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await connection.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }
}
