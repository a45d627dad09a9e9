using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Cstar.Simulator.Host.Net;

namespace Cstar.Simulator.Host.Control;

/// <summary>
/// Serves the daemon's Unix domain socket: each connection carries one JSON request line and gets one JSON
/// response line. Used by the nodetool and service shims inside host sessions and by `cstar-sim ctl`.
/// </summary>
public sealed class ControlServer : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly Func<ControlRequest, CancellationToken, Task<ControlResponse>> _handler;
    private readonly AcceptLoop _acceptLoop;

    public ControlServer(string socketPath, Func<ControlRequest, CancellationToken, Task<ControlResponse>> handler)
    {
        _handler = handler;
        File.Delete(socketPath);
        _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        _listener.Listen(512);
        _acceptLoop = new AcceptLoop(_listener.AcceptAsync, ServeAsync, _listener.Dispose);
    }

    public ValueTask DisposeAsync() => _acceptLoop.DisposeAsync();

    private async Task ServeAsync(Socket connection, CancellationToken cancellationToken)
    {
        using (connection)
        {
            await using var stream = new NetworkStream(connection, ownsSocket: false);
            using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
            ControlResponse response;
            var framed = false;
            try
            {
                var line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                var request = line is null ? null : JsonSerializer.Deserialize<ControlRequest>(line, ControlJson.Options);
                framed = request?.Framed == true;
                response = request is null
                    ? ControlResponse.Error("cstar-sim: empty request\n", 2)
                    : await _handler(request, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is JsonException or IOException or SocketException)
            {
                response = ControlResponse.Error($"cstar-sim: bad request: {e.Message}\n", 2);
            }

            try
            {
                var bytes = framed ? Framed(response) : Encoding.UTF8.GetBytes(JsonSerializer.Serialize(response, ControlJson.Options) + "\n");
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
                // The caller went away (e.g. its session was rebooted); nothing to tell it.
            }
        }
    }

    /// <summary>"EXIT OUT_BYTES ERR_BYTES\n", then stdout's and stderr's UTF-8 bytes.</summary>
    internal static byte[] Framed(ControlResponse response)
    {
        var output = Encoding.UTF8.GetBytes(response.StandardOutput);
        var error = Encoding.UTF8.GetBytes(response.StandardError);
        var header = Encoding.ASCII.GetBytes(FormattableString.Invariant($"{response.ExitCode} {output.Length} {error.Length}\n"));
        return [.. header, .. output, .. error];
    }
}
